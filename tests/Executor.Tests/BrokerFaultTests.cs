using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>The broker fails under a running migration: publishing blocked while the Executor dies, or the broker restarted.</summary>
[Collection(BrokerFaultCollection.Name)]
public sealed class BrokerFaultTests(InfrastructureFixture infrastructure)
{
    private const string Broker = "messaging";

    [Fact]
    public async Task Executor_killed_after_a_batch_committed_but_before_it_was_published_finishes_the_run_exactly_once()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        Guid runId;
        string prefix;
        await using (var held = await HeldRun.StartAsync(scenario, infrastructure))
        {
            (runId, prefix) = (held.RunId, held.EndpointPrefix);
            // The broker's memory alarm blocks publishing, as a broker out of memory or disk would.
            await infrastructure.Broker.BlockPublishersAsync();
            try
            {
                await held.Blocker.ReleaseAsync();
                // Batch 1 commits, then its BatchCompleted cannot leave: the Executor's connection is blocked on it.
                await scenario.WaitUntilAsync(
                    $"SELECT EXISTS (SELECT 1 FROM backfill.run_batches WHERE run_id = '{runId}' AND batch_number = 1 AND migrated = 1)");
                await Eventually.HoldsAsync(infrastructure.Broker.AnyConnectionBlockedAsync);
                Assert.Equal(Scenario.P1, (await scenario.SeedProjectsAsync())[1]);
                var stuck = await held.Client.GetAsync(runId);
                Assert.Equal(("Migrating", 14), (stuck!.State, stuck.CompletedBatches));

                held.Executor.Kill();
            }
            finally
            {
                await infrastructure.Broker.UnblockPublishersAsync();
            }
        }

        // The restarted Executor gets batch 1 again; the ledger says it is done, so it only reports it.
        await using var second = new ExecutorApp(
            scenario.ConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var restarted = new RunClient(second.CreateClient());
        var run = await restarted.WaitAsync(runId);

        Assert.Equal(("Completed", 15, 15, 0), (run.State, run.Migrated, run.CompletedBatches, run.SkippedChanged));
        await RunConsistency.AssertAsync(scenario, run);
        // Batch 1's completion was reported by the restarted Executor, from the ledger.
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events " +
            $"WHERE run_id = '{runId}' AND action = '{RunAuditActions.BatchRedelivered}' " +
            "AND details ->> 'batchNumber' = '1')");
        await scenario.AssertSeedPlanAppliedAsync();
    }

    [Fact]
    public async Task Broker_stopped_and_restarted_mid_run_the_run_completes_once_it_is_back()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1));
        var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 1);
        await client.WaitForBatchesAsync(runId, 14);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var commands = infrastructure.App.ResourceCommands;
        Assert.True((await commands.ExecuteCommandAsync(Broker, KnownResourceCommands.StopCommand, timeout.Token)).Success);
        try
        {
            await infrastructure.App.ResourceNotifications.WaitForResourceAsync(
                Broker, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
            // Losing the broker cancels batch 1, still unacknowledged, so it stays the broker's to deliver again.
            await blocker.ReleaseAsync();
            var stalled = await client.GetAsync(runId);
            Assert.Equal(("Migrating", 14), (stalled!.State, stalled.CompletedBatches));
        }
        finally
        {
            Assert.True((await commands.ExecuteCommandAsync(Broker, KnownResourceCommands.StartCommand, timeout.Token)).Success);
            await infrastructure.App.ResourceNotifications.WaitForResourceHealthyAsync(Broker, timeout.Token);
        }

        var run = await client.WaitAsync(runId);

        Assert.Equal(("Completed", 15, 15), (run.State, run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(scenario, run);
        await scenario.AssertSeedPlanAppliedAsync();
    }
}
