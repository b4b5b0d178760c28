using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Api;

internal static class RunViews
{
    private static readonly string[] GatedStates = [RunStates.Migrating, .. RunStates.Pacing];

    public static RunView ToView(this MigrationRunState s, TimeProvider clock) => new(
        s.CorrelationId, s.PlanId, s.CurrentState, s.RequestedBy, s.DryRun, s.SkipLowConfidence, s.BatchSize,
        s.Included, s.Skipped, s.TotalBatches, s.CompletedBatches.Count, s.Migrated, s.SkippedChanged, s.RolledBack, s.Conflicts,
        s.RollbackError ?? s.Reason ?? (RunStates.Pacing.Contains(s.CurrentState) ? s.PacingReason : null), s.BackupTable, s.Warnings,
        s.CreatedAt, s.UpdatedAt, s.FinishedAt, s.ToPacingStatus(clock), RunRetry.Allows(s));

    private static PacingStatus ToPacingStatus(this MigrationRunState s, TimeProvider clock)
    {
        var gated = GatedStates.Contains(s.CurrentState);
        var ongoing = s.ThrottledSince is { } since ? (clock.GetUtcNow() - since).TotalSeconds : 0;
        return new PacingStatus(s.Pacing, s.CurrentBatchSize, gated ? s.PacingReason : null, s.ThrottledSeconds + Math.Max(0, ongoing),
            gated ? s.RecheckAt : null, s.LastHealth?.ToView());
    }

    private static HealthReadingView ToView(this DatabaseHealth health) => new(
        [.. health.Indicators.Select(i => new HealthIndicatorView(i.Name, i.Value, i.Threshold, i.Unit, i.Tripped))], health.ReadAt);
}
