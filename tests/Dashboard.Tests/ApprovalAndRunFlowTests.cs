using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using System.Net.Http.Json;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Microsoft.Playwright;
using Npgsql;

namespace AspireMigration.Dashboard.Tests;

/// <summary>
/// The operator's whole journey through the real stack: analyse, review, assign, approve, run, see its batch fail and
/// retry it once the cause is gone, watch it complete, roll it back, with the database checked at each end.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ApprovalAndRunFlowTests(DashboardFixture fixture)
{
    private const string ManualReviewSession = "5e550000-0000-0000-0000-000000000010";
    private const string FrontendApp = "10000000-0000-0000-0000-000000000001";

    // The application refuses to update one confident session, as a lock or a constraint would.
    private const string RefuseUpdateSql = """
        CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'session is locked by the application'; END $$;
        CREATE TRIGGER refuse BEFORE UPDATE ON sessions FOR EACH ROW
            WHEN (NEW.id = '5e550000-0000-0000-0000-000000000001') EXECUTE FUNCTION refuse();
        """;

    [Fact]
    public async Task Approve_the_seed_plan_run_it_to_completion_and_roll_it_back()
    {
        // Approver: analyse, assign the 4/3/3/2 manual-review session to its suggested project, approve.
        var approver = await fixture.SignInAsync("approver");
        await DashboardFixture.OpenAsync(approver, "/plans");
        await approver.ClickAsync("[data-testid=analyze]");
        // Blazor navigates inside the page (no load event): wait for the plan page itself.
        await approver.WaitForSelectorAsync("[data-testid=plan-summary]", new() { Timeout = 60_000 });
        var planUrl = approver.Url;
        await Assertions.Expect(approver.Locator("[data-testid=count-confident]")).ToHaveTextAsync("7");
        await Assertions.Expect(approver.Locator("[data-testid=count-manual]")).ToHaveTextAsync("3");
        Assert.Equal(["All", "Confident", "Tentative", "Manual review", "Unassigned"],
            (await approver.Locator("[data-testid=type-filter] fluent-option").AllInnerTextsAsync()).Select(o => o.Trim()));
        await Screenshot(approver, "plan");

        await approver.ClickAsync($"[data-testid=open-{ManualReviewSession}]");
        await approver.WaitForSelectorAsync("[data-testid=item-drawer]");
        // The drawer opens first; the session's event distribution follows from the database.
        await Expect(approver, "[data-testid=distribution]", "frontend-app");
        // Types read as the filter names them, not as the API spells them.
        await Expect(approver, "[data-testid=item-drawer]", "Manual review · confidence 0.3077");
        await Screenshot(approver, "item-drawer");
        await approver.ClickAsync("[data-testid=assign]");
        await Screenshot(approver, "assigned");
        await Expect(approver, "[data-testid=message]", "recorded");

        await approver.ClickAsync("[data-testid=acknowledge-risks]");
        // The server enables the button once it has the acknowledgement; a disabled fluent-button swallows the click.
        await approver.ClickAsync("[data-testid=approve]:not([disabled])");
        await Expect(approver, "[data-testid=approval]", "Approved by approver");
        await Expect(approver, "[data-testid=frozen]", "frozen");

        // Withdraw with a reason (audited on the page), then approve again: the plan was open to decisions in between.
        await approver.ClickAsync("[data-testid=withdraw-approval]");
        await approver.FillAsync("[data-testid=withdraw-reason] textarea", "second look at the tie");
        await Screenshot(approver, "withdraw-dialog");
        await approver.ClickAsync("[data-testid=confirm-withdraw]:not([disabled])");
        await Expect(approver, "[data-testid=withdrawn-approvals]", "withdrawn by approver");
        await Expect(approver, "[data-testid=withdrawn-approvals]", "second look at the tie");
        await Expect(approver, "[data-testid=approval]", "Not approved yet");
        await approver.ClickAsync("[data-testid=acknowledge-risks]");
        await approver.ClickAsync("[data-testid=approve]:not([disabled])");
        await Expect(approver, "[data-testid=approval]", "Approved by approver");

        // Operator: start a real run while the application refuses one session's update, so its batch fails.
        await using var db = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("appdb"));
        await db.OpenAsync();
        await fixture.ExecuteAsync(RefuseUpdateSql);
        var operatorPage = await fixture.SignInAsync("operator");
        try
        {
            await DashboardFixture.OpenAsync(operatorPage, planUrl);
            await operatorPage.ClickAsync("[data-testid=dry-run]");
            // Adaptive pacing: the Executor's 400 shows beside the field it names, and the corrected form starts the run.
            await operatorPage.ClickAsync("[data-testid=pacing-adaptive]");
            await operatorPage.FillAsync("[data-testid=pacing-target-ms] input", "300");
            await operatorPage.FillAsync("[data-testid=pacing-min] input", "500");
            await operatorPage.FillAsync("[data-testid=pacing-max] input", "200");
            // Leaving a number field commits it (its change event): the click must read the form as filled.
            await operatorPage.PressAsync("[data-testid=pacing-max] input", "Tab");
            await operatorPage.ClickAsync("[data-testid=start-run]");
            await Expect(operatorPage, "[data-testid='error-pacing.maxBatch']",
                "The largest batch (200) must not be less than the smallest (500)");
            await Expect(operatorPage, "[data-testid=message]", "see the message beside each field");
            await Screenshot(operatorPage, "start-pacing-error");
            await operatorPage.FillAsync("[data-testid=pacing-max] input", "5000");
            await operatorPage.PressAsync("[data-testid=pacing-max] input", "Tab");
            await operatorPage.ClickAsync("[data-testid=start-run]");
            await operatorPage.WaitForSelectorAsync("[data-testid=run-state]", new() { Timeout = 60_000 });
            await Expect(operatorPage, "[data-testid=pacing-mode]", "adaptive: aiming at 300 ms a batch, 500 to 5,000 sessions");
            await Expect(operatorPage, "[data-testid=run-state]", "Failed", timeoutSeconds: 120);
            await Expect(operatorPage, "[data-testid=run-reason]", "session is locked by the application");
        }
        finally
        {
            await fixture.ExecuteAsync("DROP TRIGGER IF EXISTS refuse ON sessions; DROP FUNCTION IF EXISTS refuse()");
        }

        // The cause is gone: the operator retries the failed batch, and the run goes on to completion.
        await Eventually.HoldsAsync(async () => (bool)(await Scalar(db, "SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)"))!);
        await operatorPage.ClickAsync("[data-testid=retry]");
        await Expect(operatorPage, "[data-testid=confirm-text]", "1 of 1 batches are not in the ledger");
        await Screenshot(operatorPage, "retry-confirm");
        await operatorPage.ClickAsync("[data-testid=confirm-retry]");
        await Expect(operatorPage, "[data-testid=run-state]", "Completed", timeoutSeconds: 120);
        await Expect(operatorPage, "[data-testid=timeline]", "Retry requested");
        Assert.Equal(0, await operatorPage.Locator("[data-testid=retry]").CountAsync());
        await Screenshot(operatorPage, "run-completed");
        // The size the sizer would give a next batch is no figure of a finished run.
        await Expect(operatorPage, "[data-testid=pacing-mode]", "adaptive: aiming at 300 ms a batch, 500 to 5,000 sessions");
        Assert.Equal(0, await operatorPage.Locator("[data-testid=pacing-batch-size]").CountAsync());
        foreach (var width in (int[])[390, 1440])
        {
            await operatorPage.SetViewportSizeAsync(width, 900);
            await Screenshot(operatorPage, $"run-pacing-{width}");
        }
        Assert.Equal(FrontendApp,
            (await Scalar(db, $"SELECT project_id::text FROM sessions WHERE id = '{ManualReviewSession}'"))?.ToString());
        // Two manual-review sessions stay unresolved; everything else found a project (or the sentinel).
        Assert.Equal(2L, await Scalar(db, "SELECT count(*) FROM sessions WHERE project_id IS NULL"));

        // A real run, not a dry one: its numbers read "migrated", its ledger shows every batch, and only rollback is offered.
        await Expect(operatorPage, "[data-testid=run-migrated]", "16");
        await Expect(operatorPage, "[data-testid=run-percent]", "100%");
        await Expect(operatorPage, "[data-testid=batch-ledger]", "Processed by");
        Assert.Equal(0, await operatorPage.Locator("[data-testid=pause], [data-testid=resume], [data-testid=cancel]").CountAsync());
        Assert.Equal(0, await operatorPage.Locator("[data-testid=load-error]").CountAsync());

        // The plan now says it was executed, and a second real run needs an explicit choice.
        var runUrl = operatorPage.Url;
        await DashboardFixture.OpenAsync(operatorPage, planUrl);
        await Expect(operatorPage, "[data-testid=already-executed]", "already executed");
        await operatorPage.ClickAsync("[data-testid=dry-run]");
        await Assertions.Expect(operatorPage.Locator("[data-testid=start-run][disabled]")).ToHaveCountAsync(1);
        await Screenshot(operatorPage, "plan-already-executed");
        await DashboardFixture.OpenAsync(operatorPage, runUrl);

        // The preview: totals from the Executor and a paged table, never raw JSON.
        await operatorPage.ClickAsync("[data-testid=rollback-preview]");
        await Expect(operatorPage, "[data-testid=preview-restore]", "16");
        await Expect(operatorPage, "[data-testid=preview-conflicts]", "0");
        await Expect(operatorPage, "[data-testid=rollback-preview-grid]", "restore");
        // Projects by name, as on the plan page: a column of ids ending …000000000001 tells an operator nothing.
        await Expect(operatorPage, "[data-testid=rollback-preview-grid]", "frontend-app");
        Assert.Equal(0, await operatorPage.Locator("[data-testid=rollback-preview-body] pre").CountAsync());
        await Screenshot(operatorPage, "rollback-preview");

        // Rolling back asks first, with the counts from the preview.
        await operatorPage.ClickAsync("[data-testid=rollback]");
        await Expect(operatorPage, "[data-testid=confirm-text]", "16 sessions will get their original project back");
        await Expect(operatorPage, "[data-testid=confirm-text]", "0 sessions changed since the run wrote them");
        await Screenshot(operatorPage, "rollback-confirm");
        await operatorPage.ClickAsync("[data-testid=confirm-rollback]");
        await Expect(operatorPage, "[data-testid=run-state]", "RolledBack", timeoutSeconds: 120);
        // The preview still open follows the run: nothing is left to restore.
        await Expect(operatorPage, "[data-testid=preview-restore]", "0");
        await Expect(operatorPage, "[data-testid=rollback-preview-empty]", "Nothing left to restore");
        await Screenshot(operatorPage, "run-rolled-back");
        Assert.Equal(18L, await Scalar(db, "SELECT count(*) FROM sessions WHERE project_id IS NULL"));

        await approver.Context.CloseAsync();
        await operatorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_no_actions_and_the_api_refuses_them()
    {
        var viewer = await fixture.SignInAsync("viewer");
        await viewer.GotoAsync("/plans");
        await viewer.WaitForSelectorAsync("h1:text('Plans')");
        Assert.Equal(0, await viewer.Locator("[data-testid=analyze]").CountAsync());
        await viewer.Context.CloseAsync();

        using var analyzer = ApiClient("analyzer", "viewer", Roles.Viewer);
        using var refused = await analyzer.PostAsJsonAsync("/api/plans", new { });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var executor = ApiClient("executor", "viewer", Roles.Viewer);
        using var start = await executor.PostAsJsonAsync("/api/runs", new { planId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);

        using var anonymous = fixture.App.CreateHttpClient("analyzer");
        using var unauthenticated = await anonymous.GetAsync("/api/plans");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private HttpClient ApiClient(string service, string user, string role) =>
        fixture.App.CreateHttpClient(service).ActAs(fixture.ServiceApiKey, user, role);

    private static async Task Expect(IPage page, string selector, string text, int timeoutSeconds = 30) =>
        await Assertions.Expect(page.Locator(selector)).ToContainTextAsync(text, new() { Timeout = timeoutSeconds * 1000 });

    private static Task Screenshot(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true
        });

    private static async Task<object?> Scalar(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return await command.ExecuteScalarAsync();
    }
}
