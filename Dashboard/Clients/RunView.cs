namespace AspireMigration.Dashboard.Clients;

/// <summary>The Executor's view of a run, as much of it as the Dashboard shows.</summary>
public sealed record RunView(
    Guid RunId, Guid PlanId, string State, string RequestedBy, bool DryRun, bool SkipLowConfidence, int BatchSize,
    int Included, int Skipped, int TotalBatches, int CompletedBatches, int Migrated, int SkippedChanged, int RolledBack, int Conflicts,
    string? Reason, string? BackupTable, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);
