using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.Executor.Api;

internal static class RunViews
{
    public static RunView ToView(this MigrationRunState s) => new(
        s.CorrelationId, s.PlanId, s.CurrentState, s.RequestedBy, s.DryRun, s.SkipLowConfidence, s.BatchSize,
        s.Included, s.Skipped, s.TotalBatches, s.CompletedBatches.Count, s.Migrated, s.SkippedChanged, s.RolledBack, s.Conflicts,
        s.RollbackError ?? s.Reason, s.BackupTable, s.Warnings, s.CreatedAt, s.UpdatedAt, s.FinishedAt,
        RunRetry.Allows(s));
}
