using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;
using MassTransit;
using MassTransit.Events;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Executor;

/// <summary>The state machine's decisions alone, on MassTransit's in-memory test harness (no database, no broker).</summary>
public sealed class MigrationRunStateMachineTests
{
    [Fact]
    public async Task A_redelivered_batch_event_counts_once_and_the_last_batch_starts_validation()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var machine = saga.StateMachine;
        var runId = Guid.NewGuid();

        await harness.Bus.Publish(new StartRun(runId, Guid.NewGuid(), "operator", BatchSize: 10));
        Assert.NotNull(await saga.Exists(runId, machine.PreFlight));
        Assert.True(await harness.Published.Any<PreFlightRun>(m => m.Context.Message.RunId == runId));

        await harness.Bus.Publish(new PreFlightPassed(runId, 20, 3, 2, []));
        Assert.NotNull(await saga.Exists(runId, machine.BackingUp));
        await harness.Bus.Publish(new BackupCompleted(runId, "sessions_backup", 20));
        Assert.NotNull(await saga.Exists(runId, machine.Migrating));
        Assert.Equal(2, harness.Published.Select<MigrateBatch>().Count(m => m.Context.Message.RunId == runId));

        await harness.Bus.Publish(new BatchCompleted(runId, 1, 9, 1, 5, "a", Redelivered: false));
        await harness.Bus.Publish(new BatchCompleted(runId, 1, 9, 1, 5, "b", Redelivered: true));
        await harness.Bus.Publish(new BatchCompleted(runId, 2, 10, 0, 5, "a", Redelivered: false));
        Assert.NotNull(await saga.Exists(runId, machine.Validating));
        var state = saga.Sagas.Contains(runId)!;
        Assert.Equal((19, 1, 2), (state.Migrated, state.SkippedChanged, state.CompletedBatches.Count));

        await harness.Bus.Publish(new ValidationPassed(runId));
        Assert.NotNull(await saga.Exists(runId, machine.Completed));
    }

    [Fact]
    public async Task Failed_validation_rolls_back_and_a_faulted_rollback_fails_the_run_with_its_reason()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var runId = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(runId, Guid.NewGuid(), "operator"));
        await harness.Bus.Publish(new PreFlightPassed(runId, 0, 0, 0, []));
        await harness.Bus.Publish(new BackupCompleted(runId, "sessions_backup", 0));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Validating));

        await harness.Bus.Publish(new ValidationFailed(runId, ["orphan count fell by 2, expected 1"]));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.RollingBack));
        Assert.True(await harness.Published.Any<RestoreRun>(
            m => m.Context.Message.RunId == runId && m.Context.Message.RequestedBy == MigrationRunStateMachine.SystemActor));

        await harness.Bus.Publish<Fault<RestoreRun>>(new
        {
            Message = new RestoreRun(runId, Guid.NewGuid(), "executor", false, Guid.NewGuid()),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(new IOException("disk full")) },
        });
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        var failed = saga.Sagas.Contains(runId)!;
        Assert.Equal(("Rollback failed: disk full", "Validation failed: orphan count fell by 2, expected 1"),
            (failed.RollbackError, failed.Reason));
        Assert.True(await harness.Published.Any<ReleaseRun>(m => m.Context.Message.RunId == runId));

        // An operator's later rollback that completes clears the stale rollback error; why the run rolled back stays.
        await harness.Bus.Publish(new RollbackRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.RollingBack));
        await harness.Bus.Publish(new RollbackCompleted(runId, 15, 0));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.RolledBack));
        var rolledBack = saga.Sagas.Contains(runId)!;
        Assert.Equal((null, "Validation failed: orphan count fell by 2, expected 1"), (rolledBack.RollbackError, rolledBack.Reason));
    }

    [Fact]
    public async Task Resume_sends_again_every_batch_handed_out_whose_completion_never_came()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var runId = await StartMigratingAsync(harness);
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Migrating));
        await harness.Bus.Publish(new BatchCompleted(runId, 1, 10, 0, 5, "a", Redelivered: false));
        await harness.Bus.Publish(new PauseRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Paused));

        // Batches 2 and 3 were lost with the broker's queue: resuming sends them again.
        await harness.Bus.Publish(new ResumeRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Migrating));
        await Eventually.HoldsAsync(() => Task.FromResult(BatchesSent(harness, runId) == "1x1, 2x2, 3x2"));
    }

    [Fact]
    public async Task A_retry_of_a_run_a_batch_failed_takes_its_claim_back_then_sends_the_uncounted_batches_again()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var runId = await StartMigratingAsync(harness);
        await harness.Bus.Publish(new BatchCompleted(runId, 2, 10, 0, 5, "a", Redelivered: false));
        Assert.True(await saga.Consumed.Any<BatchCompleted>(m => m.Context.Message.BatchNumber == 2));
        await harness.Bus.Publish<Fault<MigrateBatch>>(new
        {
            Message = new MigrateBatch(runId, Guid.NewGuid(), 1, 1, 10),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(new InvalidOperationException("session is locked")) },
        });
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        Assert.True(RunRetry.Allows(saga.Sagas.Contains(runId)!));
        // Batch 3 committed as the run failed: a failed run counts nothing more.
        await harness.Bus.Publish(new BatchCompleted(runId, 3, 10, 0, 5, "b", Redelivered: false));
        Assert.True(await saga.Consumed.Any<BatchCompleted>(m => m.Context.Message.BatchNumber == 3));

        // The retried run leaves Failed before it takes its claim back: a release still on its way then frees nothing.
        await harness.Bus.Publish(new RetryRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Retrying));
        Assert.True(await harness.Published.Any<ReclaimRun>(m => m.Context.Message.RunId == runId));
        Assert.Equal("1x1, 2x1, 3x1", BatchesSent(harness, runId));

        // Another run took the database meanwhile: the retry fails again with why, and may be asked for again later.
        await harness.Bus.Publish(new ReclaimRefused(runId, "another run started on this database"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        Assert.Equal("Retry refused: another run started on this database", saga.Sagas.Contains(runId)!.Reason);
        await harness.Bus.Publish(new RetryRun(runId, "operator"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Retrying));

        await harness.Bus.Publish(new RunReclaimed(runId));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Migrating));
        await Eventually.HoldsAsync(() => Task.FromResult(BatchesSent(harness, runId) == "1x2, 2x1, 3x2"));
        var retried = saga.Sagas.Contains(runId)!;
        Assert.Equal((null, null), (retried.Reason, retried.FinishedAt));

        await harness.Bus.Publish(new BatchCompleted(runId, 3, 10, 0, 5, "a", Redelivered: true));
        await harness.Bus.Publish(new BatchCompleted(runId, 1, 10, 0, 5, "a", Redelivered: false));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Validating));
        Assert.Equal((30, 3), (retried.Migrated, retried.CompletedBatches.Count));
    }

    [Fact]
    public async Task A_run_that_failed_before_its_backup_ignores_a_retry()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var runId = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(runId, Guid.NewGuid(), "operator"));
        await harness.Bus.Publish(new PreFlightFailed(runId, "Plan is not approved"));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        Assert.False(RunRetry.Allows(saga.Sagas.Contains(runId)!));

        await harness.Bus.Publish(new RetryRun(runId, "operator"));

        Assert.True(await harness.Consumed.Any<RetryRun>(m => m.Context.Message.RunId == runId));
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        Assert.Equal("Plan is not approved", saga.Sagas.Contains(runId)!.Reason);
        Assert.False(await harness.Published.Any<MigrateBatch>(m => m.Context.Message.RunId == runId));
    }

    [Fact]
    public async Task A_refused_operator_rollback_leaves_the_run_as_it_was_and_a_refused_automatic_one_fails_it()
    {
        await using var provider = await StartHarnessAsync();
        var harness = provider.GetRequiredService<ITestHarness>();
        var saga = harness.GetSagaStateMachineHarness<MigrationRunStateMachine, MigrationRunState>();
        var completed = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(completed, Guid.NewGuid(), "operator"));
        await harness.Bus.Publish(new PreFlightPassed(completed, 0, 0, 0, []));
        await harness.Bus.Publish(new BackupCompleted(completed, "sessions_backup", 0));
        await harness.Bus.Publish(new ValidationPassed(completed));
        Assert.NotNull(await saga.Exists(completed, saga.StateMachine.Completed));

        await harness.Bus.Publish(new RollbackRun(completed, "operator"));
        Assert.NotNull(await saga.Exists(completed, saga.StateMachine.RollingBack));
        var rollbackId = saga.Sagas.Contains(completed)!.RollbackId!.Value;
        // A refusal of an earlier rollback is not this one's answer.
        await harness.Bus.Publish(new RollbackRefused(completed, Guid.NewGuid(), "stale"));
        await harness.Bus.Publish(new RollbackRefused(completed, rollbackId, "Another run is active on this database"));
        Assert.NotNull(await saga.Exists(completed, saga.StateMachine.Completed));
        var untouched = saga.Sagas.Contains(completed)!;
        Assert.Equal((null, null), (untouched.Reason, untouched.RollbackError));

        var automatic = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(automatic, Guid.NewGuid(), "operator"));
        await harness.Bus.Publish(new PreFlightPassed(automatic, 0, 0, 0, []));
        await harness.Bus.Publish(new BackupCompleted(automatic, "sessions_backup", 0));
        await harness.Bus.Publish(new ValidationFailed(automatic, ["1 migrated sessions no longer hold their target project"]));
        Assert.NotNull(await saga.Exists(automatic, saga.StateMachine.RollingBack));
        await harness.Bus.Publish(
            new RollbackRefused(automatic, saga.Sagas.Contains(automatic)!.RollbackId!.Value, "The backup table does not exist."));
        Assert.NotNull(await saga.Exists(automatic, saga.StateMachine.Failed));
        Assert.Equal("Rollback failed: The backup table does not exist.", saga.Sagas.Contains(automatic)!.RollbackError);
    }

    [Fact]
    public void The_state_names_shared_with_sql_are_the_machines_own()
    {
        var machine = new MigrationRunStateMachine();
        var states = machine.States.Select(s => s.Name).Except(["Initial", "Final"]).Order();
        Assert.Equal(typeof(RunStates).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).Order(), states);
    }

    [Theory]
    [InlineData(RunStates.PreFlight, false, "PreFlightRun")]
    [InlineData(RunStates.BackingUp, false, "BackupRun")]
    [InlineData(RunStates.Migrating, false, "MigrateBatch 2, MigrateBatch 4")]
    [InlineData(RunStates.Migrating, true, "DryRunMigration")]
    [InlineData(RunStates.Validating, false, "ValidateRun")]
    [InlineData(RunStates.RollingBack, false, "RestoreRun")]
    [InlineData(RunStates.Failed, false, "ReleaseRun")]
    [InlineData(RunStates.Cancelled, false, "ReleaseRun")]
    [InlineData(RunStates.Paused, false, "")]
    [InlineData(RunStates.Throttled, false, "")]
    [InlineData(RunStates.Waiting, false, "")]
    [InlineData(RunStates.Completed, false, "")]
    [InlineData(RunStates.RolledBack, false, "")]
    public void A_stalled_run_is_sent_again_exactly_what_its_state_waits_for(string state, bool dryRun, string expected)
    {
        var run = new MigrationRunState
        {
            CorrelationId = Guid.NewGuid(), CurrentState = state, DryRun = dryRun, TotalBatches = 6, NextBatch = 5,
                CompletedBatches = [1, 3], Outstanding = [new(2, 11, 20), new(4, 31, 40)],
            RollbackId = Guid.NewGuid(), RollbackRequestedBy = "operator",
        };
        var commands = RunCommands.AwaitedBy(run);
        Assert.Equal(expected,
            string.Join(", ", commands.Select(c => c is MigrateBatch b ? $"MigrateBatch {b.BatchNumber}" : c.GetType().Name)));
        Assert.All(commands, c => Assert.Equal(run.CorrelationId, (Guid)c.GetType().GetProperty("RunId")!.GetValue(c)!));
    }

    private static string BatchesSent(ITestHarness harness, Guid runId) =>
        string.Join(", ", harness.Published.Select<MigrateBatch>().Where(m => m.Context.Message.RunId == runId)
            .GroupBy(m => m.Context.Message.BatchNumber).OrderBy(g => g.Key).Select(g => $"{g.Key}x{g.Count()}"));

    /// <summary>A run of 30 sessions in batches of 10, through pre-flight and backup: its first batches go out.</summary>
    private static async Task<Guid> StartMigratingAsync(ITestHarness harness)
    {
        var runId = Guid.NewGuid();
        await harness.Bus.Publish(new StartRun(runId, Guid.NewGuid(), "operator", BatchSize: 10));
        await harness.Bus.Publish(new PreFlightPassed(runId, 30, 0, 3, []));
        await harness.Bus.Publish(new BackupCompleted(runId, "sessions_backup", 30));
        return runId;
    }

    private static async Task<ServiceProvider> StartHarnessAsync()
    {
        var provider = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<DispatchGate>()
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<MigrationRunStateMachine, MigrationRunState>().InMemoryRepository())
            .BuildServiceProvider(true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return provider;
    }
}
