using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Pre-flight runs what was approved and nothing later: decisions written after the approval in
/// force are ignored, a withdrawal and re-approval bring new decisions in, four-eyes follows the
/// approval in force, and the sentinel is never an assign target.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class ApprovalFreezeTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_decision_written_straight_into_the_table_after_approval_is_ignored()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync(approved: false);
        await scenario.DecideAsync(planId, 1, "exclude");
        await scenario.ApproveAsync(planId);
        await scenario.DecideAsync(planId, 1, "include");
        await scenario.DecideAsync(planId, 2, "exclude");
        await scenario.DecideAsync(planId, 10, "assign", Scenario.P3);

        var run = await client.WaitAsync(await client.StartAsync(planId));

        Assert.Equal(("Completed", 14, 14), (run.State, run.Included, run.Migrated));
        var report = await ReportAsync(client, run.RunId);
        Assert.Equal("excluded", report[1].SkipReason);
        Assert.Equal("migrated", report[2].Outcome);
        Assert.Equal("manual_review_unresolved", report[10].SkipReason);
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal((null, Scenario.P2, null), (projects[1], projects[2], projects[10]));
        await RunConsistency.AssertAsync(scenario, run);
    }

    [Fact]
    public async Task After_a_withdrawal_and_a_new_approval_the_run_uses_the_new_decisions()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync();
        await scenario.WithdrawApprovalAsync(planId);
        await scenario.DecideAsync(planId, 10, "assign", Scenario.P3);
        await scenario.DecideAsync(planId, 1, "exclude");

        var unapproved = await client.WaitAsync(await client.StartAsync(planId));
        await scenario.ApproveAsync(planId);
        var run = await client.WaitAsync(await client.StartAsync(planId));

        Assert.Equal("Failed", unapproved.State);
        Assert.Contains("not approved", unapproved.Reason);
        Assert.Equal(("Completed", 15, 15), (run.State, run.Included, run.Migrated));
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal((Scenario.P3, (Guid?)null), (projects[10], projects[1]));
        Assert.Equal((2L, 1L),
            (await scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_approvals WHERE plan_id = @planId", new { planId }),
            await scenario.ScalarAsync<long>(
                "SELECT count(*) FROM backfill.plan_approvals WHERE plan_id = @planId AND withdrawn_at IS NULL", new { planId })));
        await RunConsistency.AssertAsync(scenario, run);
    }

    [Fact]
    public async Task Four_eyes_follows_the_approval_in_force_after_a_re_approval()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var scenario = context.Scenario;
        var planId = await scenario.InsertPlanAsync();
        await scenario.WithdrawApprovalAsync(planId);
        await scenario.ApproveAsync(planId, approvedBy: "operator");

        var byReApprover = await context.Client.WaitAsync(await context.Client.StartAsync(planId));
        // The same client, from now on on behalf of the first (withdrawn) approver.
        var firstApprover = new RunClient(context.Client.Http.ActAs(infrastructure.ServiceApiKey, "approver", Roles.Operator));
        var byFirstApprover = await firstApprover.WaitAsync(await firstApprover.StartAsync(planId));

        Assert.Equal("Failed", byReApprover.State);
        Assert.Contains("Four-eyes rule: operator approved", byReApprover.Reason);
        Assert.Equal(("Completed", 15), (byFirstApprover.State, byFirstApprover.Migrated));
    }

    [Fact]
    public async Task A_sentinel_assign_found_in_the_table_is_skipped_with_a_reason()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync(approved: false);
        await scenario.DecideAsync(planId, 10, "assign", Scenario.Sentinel);
        await scenario.DecideAsync(planId, 1, "assign", Scenario.Sentinel);
        await scenario.ApproveAsync(planId);

        var run = await client.WaitAsync(await client.StartAsync(planId));

        Assert.Equal(("Completed", 14, 14), (run.State, run.Included, run.Migrated));
        var report = await ReportAsync(client, run.RunId);
        Assert.Equal(("sentinel_not_assignable", "sentinel_not_assignable"), (report[10].SkipReason, report[1].SkipReason));
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal(((Guid?)null, (Guid?)null, Scenario.Sentinel), (projects[10], projects[1], projects[13]));
        await RunConsistency.AssertAsync(scenario, run);
    }

    private static async Task<Dictionary<int, ReportSession>> ReportAsync(RunClient client, Guid runId)
    {
        var report = await client.Http.GetFromJsonAsync<RunReport>($"/api/runs/{runId}/report");
        return report!.Sessions.ToDictionary(s => int.Parse(s.SessionId.ToString()[^12..]), s => s);
    }
}
