using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AspireMigration.Dashboard;
using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Components.Pages;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Served = AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>
/// The run page's "Change pacing" against a stand-in Executor that answers as the real one does (its own records as JSON, its
/// 400, its 202), read through the generated client.
/// </summary>
public sealed class ChangePacingDialogTests : FluentComponentContext
{
    private readonly FakeExecutor executor = new();

    public ChangePacingDialogTests()
    {
        Services.AddSingleton(new ExecutorClient(new HttpClient(executor) { BaseAddress = new Uri("http://executor") }));
        // The run page asks the Analyzer for project names only when a rollback preview opens, which these tests never do.
        var analyzer = new StandInService(request =>
            throw new InvalidOperationException($"Unexpected Analyzer call: {request.RequestUri}"));
        Services.AddSingleton(new AnalyzerClient(new HttpClient(analyzer) { BaseAddress = new Uri("http://analyzer") }));
        Services.AddSingleton(Options.Create(new DashboardOptions()));
    }

    [Fact]
    public void An_operator_changes_a_throttled_runs_pacing_in_a_prefilled_dialog_and_sees_the_apis_errors_beside_the_fields()
    {
        AddAuthorization().SetAuthorized("operator").SetRoles(Roles.Operator).SetPolicies(Policies.Operate);
        executor.Run = Run(RunStates.Throttled, new Served.PacingStatus(
            new RunPacing(Adaptive: true, TargetBatchMs: 400, MinBatch: 50, MaxBatch: 5000), 850, "lock waits 4 sessions > 3 sessions",
            0, null, null));
        var cut = Render<RunPage>(p => p.Add(c => c.RunId, executor.Run.RunId));
        cut.WaitForElement("[data-testid=change-pacing]").Click();

        Assert.Equal("400", cut.Find("[data-testid=pacing-dialog] [data-testid=pacing-target-ms]").GetAttribute("value"));
        Assert.Equal("850", cut.Find("[data-testid=pacing-dialog] [data-testid=pacing-batch-size]").GetAttribute("value"));

        executor.PacingAnswer = (HttpStatusCode.BadRequest,
            """{"title":"One or more validation errors occurred.","status":400,"errors":{"pacing.maxBatch":["maxBatch is too big."]}}""");
        cut.Find("[data-testid=confirm-pacing]").Click();

        cut.WaitForAssertion(() => Assert.Equal("maxBatch is too big.", cut.Find("[data-testid='error-pacing.maxBatch']").TextContent));
        var sent = executor.PacingBodies.Single();
        Assert.Equal(400, sent["pacing"]!["targetBatchMs"]!.GetValue<int>());
        Assert.Equal(850, sent["batchSize"]!.GetValue<int>());

        executor.PacingAnswer = (HttpStatusCode.Accepted, """{}""");
        cut.Find("[data-testid=confirm-pacing]").Click();

        cut.WaitForAssertion(() => Assert.Contains("New pacing requested", cut.Find("[data-testid=message]").TextContent));
        Assert.Equal(2, executor.PacingBodies.Count);
    }

    [Theory]
    [InlineData("viewer", Roles.Viewer, RunStates.Waiting)]
    [InlineData("operator", Roles.Operator, RunStates.Completed)]
    public void Change_pacing_is_offered_to_operators_of_runs_still_migrating_only(string user, string role, string state)
    {
        var authorization = AddAuthorization().SetAuthorized(user).SetRoles(role);
        if (role == Roles.Operator)
        {
            authorization.SetPolicies(Policies.Operate);
        }
        executor.Run = Run(state, new Served.PacingStatus(RunPacing.Fixed, 1000, null, 0, null, null));
        var cut = Render<RunPage>(p => p.Add(c => c.RunId, executor.Run.RunId));
        cut.WaitForElement("[data-testid=pacing-panel]");

        Assert.Empty(cut.FindAll("[data-testid=change-pacing]"));
    }

    private static Served.RunView Run(string state, Served.PacingStatus pacing) => new(
        Guid.NewGuid(), Guid.NewGuid(), state, "operator", DryRun: false, SkipLowConfidence: false, BatchSize: 1000, Included: 10_000,
        Skipped: 0, TotalBatches: 10, CompletedBatches: 4, Migrated: 4000, SkippedChanged: 0, RolledBack: 0, Conflicts: 0,
        Reason: pacing.Reason, BackupTable: null, Warnings: [], CreatedAt: DateTimeOffset.UtcNow, UpdatedAt: DateTimeOffset.UtcNow,
        FinishedAt: null, Pacing: pacing);

    private sealed class FakeExecutor : HttpMessageHandler
    {
        public Served.RunView Run { get; set; } = default!;
        public (HttpStatusCode Status, string Body) PacingAnswer { get; set; }
        public List<JsonNode> PacingBodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Put && path.EndsWith("/pacing", StringComparison.Ordinal))
            {
                PacingBodies.Add(JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!);
                return new HttpResponseMessage(PacingAnswer.Status)
                {
                    Content = new StringContent(PacingAnswer.Body, Encoding.UTF8,
                        PacingAnswer.Status == HttpStatusCode.Accepted ? "application/json" : "application/problem+json"),
                };
            }
            object body = path.EndsWith("/batches", StringComparison.Ordinal) || path.EndsWith("/audit", StringComparison.Ordinal)
                ? Array.Empty<object>()
                : Run;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        }
    }
}
