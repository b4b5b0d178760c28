using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Saga;

/// <summary>
/// The step commands a run sends, made from its state in one place: the saga sends them on its
/// transitions, and the reconciler sends again what a stalled run is still waiting for. Every step is
/// idempotent, so a command sent twice does its work once and answers the same.
/// </summary>
public static class RunCommands
{
    public static PreFlightRun PreFlight(MigrationRunState s) =>
        new(s.CorrelationId, s.PlanId, s.RequestedBy, s.SkipLowConfidence, s.BatchSize, s.DryRun);

    public static BackupRun Backup(MigrationRunState s) => new(s.CorrelationId, s.PlanId);

    public static DryRunMigration DryRun(MigrationRunState s) => new(s.CorrelationId, s.PlanId, s.BatchSize);

    public static MigrateBatch Batch(MigrationRunState s, BatchRange range) =>
        new(s.CorrelationId, s.PlanId, range.Number, range.FirstOrdinal, range.LastOrdinal);

    public static ValidateRun Validate(MigrationRunState s) => new(s.CorrelationId, s.PlanId);

    public static RestoreRun Restore(MigrationRunState s) =>
        new(s.CorrelationId, s.PlanId, s.RollbackRequestedBy!, s.RollbackForce, s.RollbackId!.Value);

    public static ReleaseRun Release(MigrationRunState s) => new(s.CorrelationId);

    public static ReclaimRun Reclaim(MigrationRunState s) => new(s.CorrelationId);

    /// <summary>Batches handed out whose completion the saga has not counted (lost, or still running), with their recorded
    /// ranges.</summary>
    public static IEnumerable<MigrateBatch> OutstandingBatches(MigrationRunState s) => s.Outstanding.Select(range => Batch(s, range));

    /// <summary>What the run waits for in its current state; nothing for a paused or finished run that holds no claim.</summary>
    public static IReadOnlyList<object> AwaitedBy(MigrationRunState s) => s.CurrentState switch
    {
        nameof(MigrationRunStateMachine.PreFlight) => [PreFlight(s)],
        nameof(MigrationRunStateMachine.BackingUp) => [Backup(s)],
        nameof(MigrationRunStateMachine.Retrying) => [Reclaim(s)],
        nameof(MigrationRunStateMachine.Migrating) when s.DryRun => [DryRun(s)],
        nameof(MigrationRunStateMachine.Migrating) => [.. OutstandingBatches(s)],
        nameof(MigrationRunStateMachine.Validating) => [Validate(s)],
        nameof(MigrationRunStateMachine.RollingBack) => [Restore(s)],
        nameof(MigrationRunStateMachine.Failed) or nameof(MigrationRunStateMachine.Cancelled) => [Release(s)],
        _ => [],
    };
}
