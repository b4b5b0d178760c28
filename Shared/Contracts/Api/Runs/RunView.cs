namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>A run as the Executor's saga holds it: its settings, progress counters and outcome.</summary>
/// <param name="Reason">Why the run failed, was rejected or its rollback refused, or why it is Throttled or Waiting.</param>
/// <param name="TotalBatches">The batches dispatched so far plus the rest at the current batch size: an estimate until the run
/// has dispatched its last batch. Progress is (Migrated + SkippedChanged) / Included.</param>
/// <param name="Retryable">The run failed on a batch after its backup and was not rolled back: an operator may retry it.</param>
public sealed record RunView(
    Guid RunId, Guid PlanId, string State, string RequestedBy, bool DryRun, bool SkipLowConfidence, int BatchSize,
    int Included, int Skipped, int TotalBatches, int CompletedBatches, int Migrated, int SkippedChanged, int RolledBack, int Conflicts,
    string? Reason, string? BackupTable, IReadOnlyList<string> Warnings,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, PacingStatus? Pacing = null, bool Retryable = false);
