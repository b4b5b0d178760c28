using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class CrashRecoveryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Executor_killed_mid_migration_resumes_after_restart_and_migrates_exactly_once()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var held = await HeldRun.StartAsync(scenario, infrastructure);
        var (runId, prefix) = (held.RunId, held.EndpointPrefix);
        await held.KillHoldingBatchAsync();

        // The restarted Executor (same queues) gets the unacknowledged batch back and finishes the run.
        await using var second = new ExecutorApp(
            scenario.ConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var restarted = new RunClient(second.CreateClient());
        var run = await restarted.WaitAsync(runId);

        Assert.Equal(("Completed", 15, 15), (run.State, run.Migrated, run.CompletedBatches));
        var batches = await restarted.Http.GetFromJsonAsync<List<BatchView>>($"/api/runs/{runId}/batches");
        Assert.Equal(15, batches!.Count);
        Assert.All(batches, b => Assert.Equal(1, b.Migrated));
        foreach (var (session, type, target) in Scenario.SeedPlan.Where(i => i.Type != "manual_review"))
        {
            Assert.Equal(target, (await scenario.SeedProjectsAsync())[session]);
        }
    }

    [Fact]
    public async Task Executor_killed_inside_the_rollback_transaction_finishes_it_after_restart_restoring_each_row_once()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var before = await scenario.SeedRowsAsync();
        var prefix = ExecutorApp.NewEndpointPrefix();
        Guid runId;
        using (var executor = await ExecutorProcess.StartAsync(scenario, infrastructure, prefix))
        {
            var client = executor.OperatorClient();
            var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 4));
            Assert.Equal("Completed", run.State);
            runId = run.RunId;
            await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(2));
            Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(runId, "rollback")).StatusCode);
            // The restore has fenced the run and restored what it could reach; it waits on the application's row, uncommitted.
            await scenario.WaitUntilAsync("""
                SELECT EXISTS (SELECT 1 FROM pg_stat_activity
                               WHERE wait_event_type = 'Lock' AND query LIKE '%restored AS%' AND pid <> pg_backend_pid())
                """);
            executor.Kill();
            await blocker.ReleaseAsync();
        }

        // The restarted Executor (same queues) gets the unacknowledged restore back and does it again from the start.
        await using var second = new ExecutorApp(
            scenario.ConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var restarted = new RunClient(second.CreateClient());
        var rolledBack = await restarted.WaitAsync(runId, "RolledBack");

        Assert.Equal((15, 0), (rolledBack.RolledBack, rolledBack.Conflicts));
        await RunConsistency.AssertAsync(scenario, rolledBack);
        Assert.Equal(before, await scenario.SeedRowsAsync());
        Assert.Equal(1L, await scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.run_rollbacks WHERE run_id = @runId", new { runId }));
    }
}
