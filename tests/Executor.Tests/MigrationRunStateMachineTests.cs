using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using MassTransit;
using MassTransit.Events;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

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
        Assert.True(await harness.Published.Any<RestoreRun>(m => m.Context.Message.RunId == runId && m.Context.Message.RequestedBy == MigrationRunStateMachine.SystemActor));

        await harness.Bus.Publish<Fault<RestoreRun>>(new
        {
            Message = new RestoreRun(runId, Guid.NewGuid(), "executor", false),
            Exceptions = new ExceptionInfo[] { new FaultExceptionInfo(new IOException("disk full")) },
        });
        Assert.NotNull(await saga.Exists(runId, saga.StateMachine.Failed));
        Assert.Equal("Rollback failed: disk full", saga.Sagas.Contains(runId)!.Reason);
        Assert.True(await harness.Published.Any<ReleaseRun>(m => m.Context.Message.RunId == runId));
    }

    private static async Task<ServiceProvider> StartHarnessAsync()
    {
        var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<MigrationRunStateMachine, MigrationRunState>().InMemoryRepository())
            .BuildServiceProvider(true);
        await provider.GetRequiredService<ITestHarness>().Start();
        return provider;
    }
}
