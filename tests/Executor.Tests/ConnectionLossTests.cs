using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using AspireMigration.Executor.Api;
using AspireMigration.TestSupport;
using Npgsql;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// PostgreSQL drops the Executor's connections (pg_terminate_backend, as a failover or an admin
/// would) while a batch and while a rollback wait on a row lock: the retries must finish the work.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class ConnectionLossTests(InfrastructureFixture infrastructure)
{
    private const string ApplicationName = "executor-under-test";

    [Fact]
    public async Task Connections_terminated_during_a_batch_and_during_the_rollback_are_retried_to_the_right_end()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var executorDatabase = new NpgsqlConnectionStringBuilder(
            scenario.ConnectionString) { ApplicationName = ApplicationName }.ConnectionString;
        await using var app = new ExecutorApp(executorDatabase, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        var client = new RunClient(app.CreateClient());
        var before = await scenario.SeedRowsAsync();

        RunView run;
        await using (var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1)))
        {
            var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 1);
            await client.WaitForBatchesAsync(runId, 14);
            await TerminateWhileWaitingOnLockAsync(scenario);
            await blocker.ReleaseAsync();
            run = await client.WaitAsync(runId);
        }

        Assert.Equal(("Completed", 15, 15), (run.State, run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(scenario, run);

        await using (var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(2)))
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
            await TerminateWhileWaitingOnLockAsync(scenario);
            await blocker.ReleaseAsync();
            run = await client.WaitAsync(run.RunId, "RolledBack");
        }

        Assert.Equal((15, 0), (run.RolledBack, run.Conflicts));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(before, await scenario.SeedRowsAsync());
    }

    /// <summary>Waits until one of the Executor's backends waits on the test's row lock, then terminates all of them.</summary>
    private static async Task TerminateWhileWaitingOnLockAsync(Scenario scenario)
    {
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = '{ApplicationName}' AND wait_event_type = 'Lock')");
        Assert.True(await scenario.ScalarAsync<long>(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @ApplicationName",
            new { ApplicationName }) > 0);
    }
}
