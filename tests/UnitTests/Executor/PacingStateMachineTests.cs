using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Executor;

/// <summary>The dispatch gate's decisions as the saga records them, on the in-memory harness with a clock the test moves.</summary>
public sealed class PacingStateMachineTests : IAsyncDisposable
{
    // A Monday, 12:00 UTC.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly MovableClock clock = new(Monday);
    private readonly ScriptedHealthProbe probe;
    private readonly ServiceProvider provider;
    private readonly ITestHarness harness;
    private readonly ISagaStateMachineTestHarness<MigrationRunStateMachine, MigrationRunState> saga;

    public PacingStateMachineTests()
    {
        probe = new ScriptedHealthProbe(clock);
        provider = GatedSagaHarness.Build(clock, probe);
        harness = provider.GetRequiredService<ITestHarness>();
        saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
    }

    [Fact]
    public async Task A_tripped_indicator_throttles_with_doubling_rechecks_and_the_run_resumes_by_itself()
    {
        probe.LagSeconds = 12;
        var runId = await StartMigratingAsync(RunPacing.Fixed, included: 20, batchSize: 10, saga.StateMachine.Throttled);
        var run = saga.Sagas.Contains(runId)!;
        Assert.Equal(("replication lag 12 s > 5 s", Monday.AddSeconds(1)), (run.PacingReason, run.RecheckAt));
        Assert.Equal("", BatchesSent(runId));

        // Not due yet: an early (or duplicate) recheck reads nothing and changes nothing.
        await PublishAndSettleAsync(new RecheckPacing(runId));
        Assert.Equal(Monday.AddSeconds(1), saga.Sagas.Contains(runId)!.RecheckAt);

        clock.Advance(TimeSpan.FromSeconds(1));
        await PublishAndSettleAsync(new RecheckPacing(runId));
        Assert.Equal(Monday.AddSeconds(3), saga.Sagas.Contains(runId)!.RecheckAt);

        probe.LagSeconds = 0.5;
        clock.Advance(TimeSpan.FromSeconds(2));
        await harness.Bus.Publish(new RecheckPacing(runId));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Migrating));
        run = saga.Sagas.Contains(runId)!;
        Assert.Equal(("1-10, 11-20", 3.0, null), (BatchesSent(runId), run.ThrottledSeconds, run.PacingReason));
        Assert.Equal("replication lag 0.5 s ≤ 5 s", run.LastHealth!.Indicators.Single().Describe());
    }

    [Fact]
    public async Task Outside_its_window_a_run_waits_at_a_batch_boundary_and_opens_inside()
    {
        // Weekdays 01:00-05:00 Paris; Monday 12:00 UTC is outside: the next opening is Tuesday 01:00 Paris (00:00 UTC).
        var pacing = new RunPacing(Windows: [new MaintenanceWindow(["Mon", "Tue", "Wed", "Thu", "Fri"], new(1, 0), new(5, 0),
            "Europe/Paris")]);
        var runId = await StartMigratingAsync(pacing, included: 30, batchSize: 10, saga.StateMachine.Waiting);
        var run = saga.Sagas.Contains(runId)!;
        Assert.Equal(("outside window, opens Tue 01:00 Europe/Paris", new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)),
            (run.PacingReason, run.RecheckAt));
        Assert.Equal("", BatchesSent(runId));

        clock.Set(run.RecheckAt!.Value);
        await harness.Bus.Publish(new RecheckPacing(runId));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Migrating));
        Assert.Equal("1-10, 11-20, 21-30", BatchesSent(runId));
    }

    [Fact]
    public async Task A_scheduled_start_waits_and_pause_cancel_and_rollback_apply_while_waiting()
    {
        var runId = await StartMigratingAsync(new RunPacing(StartAt: Monday.AddHours(2)), included: 10, batchSize: 10,
            saga.StateMachine.Waiting);
        Assert.Equal("scheduled to start at 2026-11-30 14:00 UTC", saga.Sagas.Contains(runId)!.PacingReason);

        await harness.Bus.Publish(new PauseRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Paused));
        Assert.Null(saga.Sagas.Contains(runId)!.RecheckAt);
        await harness.Bus.Publish(new ResumeRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Waiting));
        await harness.Bus.Publish(new CancelRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.RollingBack));
        Assert.True(saga.Sagas.Contains(runId)!.CancelRequested);
    }

    [Fact]
    public async Task The_rate_cap_delays_each_batch_until_the_run_is_within_its_sessions_per_second()
    {
        var runId = await StartMigratingAsync(new RunPacing(MaxRate: 5), included: 30, batchSize: 10, saga.StateMachine.Migrating);
        var run = saga.Sagas.Contains(runId)!;
        // 10 sessions at 5 per second: the first batch may leave 2 s after dispatch started, the second 4 s after.
        Assert.Equal(("", Monday.AddSeconds(2), "rate cap 5 sessions/s"), (BatchesSent(runId), run.RecheckAt, run.PacingReason));

        clock.Advance(TimeSpan.FromSeconds(2));
        await PublishAndSettleAsync(new RecheckPacing(runId));
        Assert.Equal(("1-10", Monday.AddSeconds(4)), (BatchesSent(runId), saga.Sagas.Contains(runId)!.RecheckAt));
    }

    [Fact]
    public async Task Adaptive_batches_go_one_at_a_time_sized_by_the_measured_pace_at_most_halving_and_a_change_applies_at_once()
    {
        var pacing = new RunPacing(Adaptive: true, TargetBatchMs: 250, MinBatch: 10, MaxBatch: 1000);
        var runId = await StartMigratingAsync(pacing, included: 10_000, batchSize: 400, saga.StateMachine.Migrating);
        Assert.Equal("1-400", BatchesSent(runId));

        // 10 ms per session: 25 sessions would take the target, but one step only halves 400 to 200.
        await PublishAndSettleAsync(new BatchCompleted(runId, 1, 400, 0, 4000, "a", Redelivered: false));
        var run = saga.Sagas.Contains(runId)!;
        Assert.Equal((200, 10.0), (run.CurrentBatchSize, run.MsPerSession));
        Assert.Equal([new BatchRange(2, 401, 600)], run.Outstanding);

        await PublishAndSettleAsync(new BatchCompleted(runId, 2, 200, 0, 2000, "a", Redelivered: false));
        await PublishAndSettleAsync(new BatchCompleted(runId, 3, 100, 0, 1000, "a", Redelivered: false));
        Assert.Equal(50, saga.Sagas.Contains(runId)!.CurrentBatchSize);
        Assert.Equal("1-400, 401-600, 601-700, 701-750", BatchesSent(runId));

        // Fixed batches fill the whole window again.
        await PublishAndSettleAsync(new ChangePacing(runId, "operator", RunPacing.Fixed, BatchSize: 700));
        run = saga.Sagas.Contains(runId)!;
        Assert.Equal((700, MigrationRunStateMachine.BatchWindow), (run.CurrentBatchSize, run.Outstanding.Count));
        // Estimated: the 11 batches handed out, then what is left at 700 a batch.
        Assert.Equal(11 + (10_000 - 5_650 + 699) / 700, run.TotalBatches);
    }

    public async ValueTask DisposeAsync() => await provider.DisposeAsync();

    private async Task<Guid> StartMigratingAsync(RunPacing pacing, int included, int batchSize, State expected)
    {
        await harness.Start();
        var runId = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(runId, Guid.NewGuid(), "operator", BatchSize: batchSize, Pacing: pacing));
        await harness.Bus.Publish(new PreFlightPassed(runId, included, 0, (included + batchSize - 1) / batchSize, []));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.BackingUp));
        await harness.Bus.Publish(new BackupCompleted(runId, "sessions_backup", included));
        Assert.NotNull(await saga.Exists(runId, expected));
        return runId;
    }

    /// <summary>For an event that may leave the run in the state it was: waits until the saga has consumed it.</summary>
    private async Task PublishAndSettleAsync<T>(T message)
        where T : class
    {
        var before = saga.Consumed.Select<T>().Count();
        await harness.Bus.Publish(message);
        await Eventually.HoldsAsync(() => saga.Consumed.Select<T>().Count() > before);
    }

    private string BatchesSent(Guid runId) =>
        string.Join(", ", harness.Published.Select<MigrateBatch>().Where(m => m.Context.Message.RunId == runId)
            .Select(m => m.Context.Message).OrderBy(m => m.BatchNumber).Select(m => $"{m.FirstOrdinal}-{m.LastOrdinal}"));
}
