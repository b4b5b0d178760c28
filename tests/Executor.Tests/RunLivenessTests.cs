using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// A run reaches a final state by itself whatever process dies and whatever message is lost: what the saga
/// sends is committed with its state (the outbox), every step is idempotent, and the reconciler sends again
/// what a stalled run waits for. Each test ends with the same consistency check as the other fault tests.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class RunLivenessTests(InfrastructureFixture infrastructure)
{
    /// <summary>A short stall timeout, so the reconciler steps in within the test's patience.</summary>
    private static readonly Dictionary<string, string> QuickReconciler = new()
    {
        ["Executor:StallTimeout"] = "00:00:03",
        ["Executor:ReconcileInterval"] = "00:00:01",
    };

    [Fact]
    public async Task Executor_SIGKILLed_at_random_points_of_a_300_batch_run_several_times_finishes_it_with_every_batch_exactly_once()
    {
        const int Orphans = 3000, BatchSize = 10, Kills = 4;
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var planId = await scenario.InsertOrphanPlanAsync(Orphans);
        var prefix = ExecutorApp.NewEndpointPrefix();
        Guid? runId = null;
        var killedWhile = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            using var executor = await ExecutorProcess.StartAsync(scenario, infrastructure, prefix, QuickReconciler);
            runId ??= await executor.OperatorClient().StartAsync(planId, batchSize: BatchSize);
            // Anywhere from the first message the process takes to a few hundred batches in.
            await Task.Delay(random.Next(0, 2500));
            executor.Kill();
            killedWhile.Add(await scenario.ScalarAsync<string?>(
                "SELECT current_state FROM backfill.run_sagas WHERE correlation_id = @runId", new { runId }) ?? "not yet started");
        }

        using var last = await ExecutorProcess.StartAsync(scenario, infrastructure, prefix, QuickReconciler);
        var because = $"random seed {seed}; killed while {string.Join(", ", killedWhile)}";
        var run = await last.OperatorClient().WaitAsync(runId!.Value);

        Assert.True(("Completed", Orphans, Orphans / BatchSize) == (run.State, run.Migrated, run.CompletedBatches),
            $"{run.State}, {run.Migrated} migrated in {run.CompletedBatches} batches: {because}");
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(Orphans,
            await scenario.ScalarAsync<long>(
                "SELECT count(*) FROM sessions WHERE title = 'bulk orphan' AND project_id = @P1", new { Scenario.P1 }));
        Assert.Equal(0L, await scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.saga_outbox"));
    }

    [Fact]
    public async Task Every_queue_of_the_run_purged_mid_run_the_reconciler_sends_again_what_was_lost_and_the_run_completes_once()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var held = await HeldRun.StartAsync(scenario, infrastructure);
        var (runId, prefix) = (held.RunId, held.EndpointPrefix);
        // Batch 1 goes back to its queue when its process dies ...
        await held.KillHoldingBatchAsync();
        await Eventually.HoldsAsync(async () => await infrastructure.Broker.ReadyMessagesAsync(prefix) > 0);
        // ... and the broker loses it, as one restarted without its data or an operator's purge would.
        await infrastructure.Broker.PurgeQueuesAsync(prefix);
        Assert.Equal(0, await infrastructure.Broker.ReadyMessagesAsync(prefix));

        using var second = await ExecutorProcess.StartAsync(scenario, infrastructure, prefix, QuickReconciler);
        var run = await second.OperatorClient().WaitAsync(runId);

        Assert.Equal(("Completed", 15, 15), (run.State, run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.True(await scenario.ScalarAsync<bool>($"""
            SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE run_id = @runId AND action = '{RunAuditActions.Redispatched}'
                           AND details -> 'commands' ? 'MigrateBatch 1')
            """, new { runId }));
    }

    [Fact]
    public async Task What_a_transition_committed_is_sent_by_the_next_Executor_when_the_one_that_committed_it_died_before_relaying()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var planId = await scenario.InsertPlanAsync();
        var runId = Guid.CreateVersion7();
        // Exactly what the saga's first transition commits before its process dies: the run in PreFlight and,
        // in the same transaction, the PreFlightRun it sends.
        var state = new MigrationRunState
        {
            CorrelationId = runId, CurrentState = RunStates.PreFlight, PlanId = planId, RequestedBy = "operator", BatchSize = 5,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using (var session = await PostgresSagaSession<MigrationRunState>.BeginAsync(
            scenario.DataSource, "backfill.run_sagas", CancellationToken.None))
        {
            session.Outbox.Add(RunCommands.PreFlight(state));
            await session.InsertAsync(state, CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }
        Assert.Equal(1L, await scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.saga_outbox WHERE correlation_id = @runId", new { runId }));

        // The reconciler is held off, so only the outbox can move the run on.
        await using var app = new ExecutorApp(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey,
            configureServices: services => services.Configure<ExecutorOptions>(o => o.StallTimeout = TimeSpan.FromHours(1)));
        var run = await new RunClient(app.CreateClient()).WaitAsync(runId);

        Assert.Equal(("Completed", 15, 3), (run.State, run.Migrated, run.CompletedBatches));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(0L, await scenario.ScalarAsync<long>("SELECT count(*) FROM backfill.saga_outbox"));
        Assert.False(await scenario.ScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE action = '{RunAuditActions.Redispatched}')"));
    }
}
