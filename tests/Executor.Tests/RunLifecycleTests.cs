using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class RunLifecycleTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Seed_scenario_run_backs_up_migrates_in_batches_and_validates()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync();

        var run = await client.WaitAsync(await client.StartAsync(planId, batchSize: 4));

        Assert.Equal("Completed", run.State);
        Assert.Equal((15, 3, 4, 4, 15, 0),
            (run.Included, run.Skipped, run.TotalBatches, run.CompletedBatches, run.Migrated, run.SkippedChanged));
        Assert.Contains(run.Warnings, w => w.Contains("legacy-portal"));
        await scenario.AssertSeedPlanAppliedAsync();
        Assert.Equal(15L, await scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM backfill.\"sessions_backup_{run.RunId:N}\" WHERE project_id IS NULL"));
        Assert.False(await scenario.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM backfill.runs WHERE active)"));

        var batches = await client.Http.GetFromJsonAsync<List<BatchView>>($"/api/runs/{run.RunId}/batches");
        Assert.Equal([4, 4, 4, 3], batches!.Select(b => b.Migrated));
        // The audit consumer records each event from the bus, so the last ones may land just after the run's state.
        List<AuditEventView>? audit = null;
        await Eventually.HoldsAsync(async () =>
        {
            audit = await client.Http.GetFromJsonAsync<List<AuditEventView>>($"/api/runs/{run.RunId}/audit");
            return audit!.Any(e => e.Action == RunAuditActions.State("Completed"))
                && audit!.Count(e => e.Action == RunAuditActions.BatchCompleted) >= 4;
        });
        Assert.Contains(audit!, e => e.Action == RunAuditActions.StartRequested && e.Actor == "operator");
        Assert.Equal(4, audit!.Count(e => e.Action == RunAuditActions.BatchCompleted));
        foreach (var state in new[] { "Pending", "PreFlight", "BackingUp", "Migrating", "Validating", "Completed" })
        {
            Assert.Contains(audit!, e => e.Action == RunAuditActions.State(state));
        }

        var csv = await client.Http.GetStringAsync($"/api/runs/{run.RunId}/report?format=csv");
        Assert.Equal(19, csv.TrimEnd().Split('\n').Length);
        var markdown = await client.Http.GetStringAsync($"/api/runs/{run.RunId}/report?format=md");
        Assert.Contains("| migrated | 15 |", markdown);
    }

    [Fact]
    public async Task Skip_low_confidence_leaves_tentative_sessions_orphaned()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), skipLowConfidence: true));

        Assert.Equal(("Completed", 10, 8, 10), (run.State, run.Included, run.Skipped, run.Migrated));
        var projects = await scenario.SeedProjectsAsync();
        Assert.All(Scenario.SeedPlan.Where(i => i.Type == "tentative"), i => Assert.Null(projects[i.Session]));
        Assert.Equal(Scenario.P1, projects[1]);
    }

    [Fact]
    public async Task Approver_decisions_assign_manual_items_and_exclude_others()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync(approved: false);
        await scenario.DecideAsync(planId, 10, "assign", Scenario.P3);
        await scenario.DecideAsync(planId, 1, "assign", Scenario.P4);
        await scenario.DecideAsync(planId, 1, "exclude"); // the newest decision wins
        await scenario.ApproveAsync(planId);

        var run = await client.WaitAsync(await client.StartAsync(planId));

        Assert.Equal(("Completed", 15, 15), (run.State, run.Included, run.Migrated));
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal(Scenario.P3, projects[10]);
        Assert.Null(projects[1]);
        Assert.Null(projects[11]);
        var report = await client.Http.GetFromJsonAsync<RunReport>($"/api/runs/{run.RunId}/report");
        Assert.Equal("excluded", report!.Sessions.Single(s => s.SessionId == Scenario.Session(1)).SkipReason);
        Assert.Equal("manual_review_unresolved", report.Sessions.Single(s => s.SessionId == Scenario.Session(11)).SkipReason);
    }

    [Fact]
    public async Task Dry_run_reports_what_would_change_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var before = await scenario.SeedRowsAsync();

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 5, dryRun: true));

        Assert.Equal(("Completed", true, 15, 3, 3, null),
            (run.State, run.DryRun, run.Migrated, run.TotalBatches, run.CompletedBatches, run.Reason));
        Assert.Equal(before, await scenario.SeedRowsAsync());
        Assert.False(await scenario.ScalarAsync<bool>($"SELECT to_regclass('backfill.\"sessions_backup_{run.RunId:N}\"') IS NOT NULL"));
        var markdown = await client.Http.GetStringAsync($"/api/runs/{run.RunId}/report?format=md");
        Assert.Contains("dry run", markdown);
        Assert.Equal(3, (await client.Http.GetFromJsonAsync<List<BatchView>>($"/api/runs/{run.RunId}/batches"))!.Count);
    }

    [Fact]
    public async Task Plan_targeting_a_missing_project_fails_pre_flight_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var missing = Guid.NewGuid();
        var before = await scenario.SeedRowsAsync();

        var run = await client.WaitAsync(
            await client.StartAsync(await scenario.InsertPlanAsync([(1, "confident", Scenario.P1), (2, "confident", missing)])));

        Assert.Equal("Failed", run.State);
        Assert.Contains(missing.ToString(), run.Reason);
        Assert.Equal(before, await scenario.SeedRowsAsync());
        Assert.Equal(0L, await scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.runs"));
        Assert.Equal(0L, await scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.run_items"));
    }

    [Fact]
    public async Task Unapproved_plan_is_refused()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(approved: false)));

        Assert.Equal("Failed", run.State);
        Assert.Contains("not approved", run.Reason);
    }

    [Fact]
    public async Task Four_eyes_rule_refuses_a_run_started_by_the_plans_approver()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var scenario = context.Scenario;
        var approverAsOperator = new RunClient(context.Client.Http.ActAs(infrastructure.ServiceApiKey, "approver", Roles.Operator));

        var run = await approverAsOperator.WaitAsync(await approverAsOperator.StartAsync(await scenario.InsertPlanAsync()));

        Assert.Equal("Failed", run.State);
        Assert.Contains("Four-eyes rule", run.Reason);
        Assert.Equal(18L, await scenario.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE project_id IS NULL"));
    }

    [Fact]
    public async Task Two_runs_started_at_once_one_runs_the_other_is_rejected()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync();

        var ids = await Task.WhenAll(client.StartAsync(planId, batchSize: 1), client.StartAsync(planId, batchSize: 1));
        var runs = await Task.WhenAll(ids.Select(id => client.WaitAsync(id)));

        Assert.Single(runs, r => r.State == "Completed" && r.Migrated == 15);
        var rejected = Assert.Single(runs, r => r.State == "Failed");
        Assert.Contains("already active", rejected.Reason);
        var audit = await client.Http.GetFromJsonAsync<List<AuditEventView>>($"/api/runs/{rejected.RunId}/audit");
        Assert.Contains(audit!, e => e.Action == RunAuditActions.RunRejected);
    }
}
