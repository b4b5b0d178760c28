using AspireMigration.Executor.Saga;

namespace AspireMigration.Bench.Execution;

/// <summary>One trial's run and rollback through the bus, its batch latencies and the time in each state.</summary>
public sealed record BusFigures(TimeSpan Run, TimeSpan Rollback, int Migrated, int Batches, double BatchP50, double BatchP99,
    IReadOnlyList<(string State, double Ms)> Phases)
{
    /// <summary>The backup step, from entering its state to the next transition in the audit trail.</summary>
    public TimeSpan Backup => TimeSpan.FromMilliseconds(
        Phases.Where(p => p.State == nameof(MigrationRunStateMachine.BackingUp)).Sum(p => p.Ms));
}
