namespace AspireMigration.Dashboard.Clients;

public sealed record RunView(
    Guid RunId, Guid PlanId, string State, string RequestedBy, bool DryRun, bool SkipLowConfidence, int BatchSize,
    int TotalBatches, int BatchesDone, int Migrated, int Skipped, int Failed, string? Reason,
    DateTime CreatedAt, DateTime? UpdatedAt);
