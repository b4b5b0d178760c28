using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class ConstraintViolationTests(InfrastructureFixture infrastructure)
{
    private static readonly Guid Doomed = Guid.Parse("d0000000-0000-0000-0000-000000000001");

    [Fact]
    public async Task A_batch_violating_a_foreign_key_fails_the_run_naming_batch_and_constraint_and_the_rest_rolls_back_exactly()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: ExecutorTestContext.RetryOnce);
        var (scenario, client) = (context.Scenario, context.Client);
        // Session 9's target exists at pre-flight and is deleted by the application before session 9's batch runs.
        await scenario.ExecuteAsync("INSERT INTO projects (id, name) VALUES (@Doomed, 'doomed')", new { Doomed });
        var plan = Scenario.SeedPlan.Select(i => i.Session == 9 ? (i.Session, i.Type, (Guid?)Doomed) : i).ToList();
        var before = await scenario.SeedRowsAsync();

        RunView run;
        await using (var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(9)))
        {
            var runId = await client.StartAsync(await scenario.InsertPlanAsync(plan), batchSize: 1);
            await client.WaitForBatchesAsync(runId, 14);
            await scenario.ExecuteAsync("DELETE FROM projects WHERE id = @Doomed", new { Doomed });
            await blocker.ReleaseAsync();
            run = await client.WaitAsync(runId);
        }

        Assert.Equal("Failed", run.State);
        Assert.Contains("Batch 9 failed", run.Reason);
        Assert.Contains("sessions_project_id_fkey", run.Reason);
        Assert.Equal((14, 14), (run.CompletedBatches, run.Migrated));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal("pending", await scenario.ScalarAsync<string>(
            "SELECT outcome FROM backfill.run_items WHERE run_id = @RunId AND session_id = @session",
            new { run.RunId, session = Scenario.Session(9) }));
        Assert.Null((await scenario.SeedProjectsAsync())[9]);
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events " +
            $"WHERE run_id = '{run.RunId}' AND action = '{RunAuditActions.BatchFailed}')");

        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        run = await client.WaitAsync(run.RunId, "RolledBack");

        Assert.Equal((14, 0), (run.RolledBack, run.Conflicts));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(before, await scenario.SeedRowsAsync());
    }
}
