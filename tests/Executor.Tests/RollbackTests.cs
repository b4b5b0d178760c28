using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net.Http.Json;
using System.Net;
using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class RollbackTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Failed_validation_rolls_back_automatically_to_exactly_the_original_rows()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        await scenario.MeddleOutsideTheRunAsync();
        var before = await scenario.SeedRowsAsync();

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 4));

        Assert.Equal(("RolledBack", 15, 15, 0), (run.State, run.Migrated, run.RolledBack, run.Conflicts));
        Assert.Contains("changed 1 sessions outside the run", run.Reason);
        Assert.Equal(before, await scenario.SeedRowsAsync());
        Assert.False(await scenario.ScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM backfill.runs WHERE active)"));
    }

    [Fact]
    public async Task Operator_rollback_after_completion_leaves_a_row_changed_since_as_a_conflict()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        Assert.Equal("Completed", run.State);
        await scenario.ExecuteAsync(
            "UPDATE sessions SET project_id = @p WHERE id = @id", new { p = Scenario.P3, id = Scenario.Session(2) });

        var preview = await client.Http.GetFromJsonAsync<RollbackPreview>($"/api/runs/{run.RunId}/rollback-preview");
        Assert.Equal((14, 1), (preview!.WouldRestore, preview.Conflicts));
        Assert.Equal(Scenario.Session(2), preview.Sessions.Single(s => s.Action == "conflict").SessionId);

        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        run = await client.WaitAsync(run.RunId, "RolledBack");

        Assert.Equal((14, 1), (run.RolledBack, run.Conflicts));
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal(Scenario.P3, projects[2]);
        Assert.All(projects.Where(p => p.Key != 2), p => Assert.Null(p.Value));
        var audit = await client.Http.GetFromJsonAsync<List<AuditEventView>>($"/api/runs/{run.RunId}/audit");
        Assert.Contains(audit!, e => e.Action == RunAuditActions.RollbackRequested && e.Actor == "operator");
    }

    [Fact]
    public async Task Rollback_refuses_a_backup_that_lost_rows_and_leaves_the_run_as_it_was()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        await scenario.ExecuteAsync(
            $"DELETE FROM backfill.\"sessions_backup_{run.RunId:N}\" WHERE id = @id", new { id = Scenario.Session(3) });

        // The table is there, so the API lets the command through; the step's integrity check refuses it.
        await client.CommandAsync(run.RunId, "rollback");
        await scenario.WaitUntilAsync($"""
            SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE run_id = '{run.RunId}'
                AND action = '{RunAuditActions.RollbackRefused}'
                           AND details ->> 'reason' LIKE '%backup holds 14 rows, 15 were recorded%')
            """);
        var after = await client.WaitAsync(run.RunId, "Completed");

        Assert.Null(after.Reason);
        Assert.Equal(Scenario.P1, (await scenario.SeedProjectsAsync())[1]);
    }
}
