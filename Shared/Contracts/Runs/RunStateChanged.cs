namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Published on every transition of a run, with its counts, so a dashboard can follow live.</summary>
public sealed record RunStateChanged(
    Guid RunId,
    Guid PlanId,
    string State,
    string? Reason,
    bool DryRun,
    int Included,
    int Skipped,
    int TotalBatches,
    int CompletedBatches,
    int Migrated,
    int SkippedChanged,
    int RolledBack,
    int Conflicts,
    DateTimeOffset OccurredAt) : IRunMessage;
