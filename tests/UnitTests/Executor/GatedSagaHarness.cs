using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Telemetry;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.UnitTests.Executor;

/// <summary>The run's state machine on MassTransit's in-memory harness, its dispatch gate reading the test's clock and probe.</summary>
public static class GatedSagaHarness
{
    public static ServiceProvider Build(TimeProvider clock, IDatabaseHealthProbe probe) => new ServiceCollection()
        .AddSingleton(clock)
        .AddSingleton(probe)
        .AddSingleton<DispatchGate>()
        .AddMetrics()
        .AddSingleton<ExecutorMetrics>()
        // Every dispatch reads the probe afresh, so a reading the test changes applies to the next batch.
        .Configure<DispatchGateOptions>(o => o.HealthInterval = TimeSpan.Zero)
        .AddMassTransitTestHarness(bus => bus.AddSagaStateMachine<MigrationRunStateMachine, MigrationRunState>().InMemoryRepository())
        .BuildServiceProvider(true);
}
