using AspireMigration.Executor.Saga;

namespace AspireMigration.Executor.Api;

public sealed record RunView(
    Guid RunId, Guid PlanId, string State, string RequestedBy, bool DryRun, bool SkipLowConfidence, int BatchSize,
    int Included, int Skipped, int TotalBatches, int CompletedBatches, int Migrated, int SkippedChanged, int RolledBack, int Conflicts,
    string? Reason, string? BackupTable, IReadOnlyList<string> Warnings, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt)
{
    public static RunView From(MigrationRunState s) => new(
        s.CorrelationId, s.PlanId, s.CurrentState, s.RequestedBy, s.DryRun, s.SkipLowConfidence, s.BatchSize,
        s.Included, s.Skipped, s.TotalBatches, s.CompletedBatches.Count, s.Migrated, s.SkippedChanged, s.RolledBack, s.Conflicts,
        s.RollbackError ?? s.Reason, s.BackupTable, s.Warnings, s.CreatedAt, s.UpdatedAt, s.FinishedAt);
}
