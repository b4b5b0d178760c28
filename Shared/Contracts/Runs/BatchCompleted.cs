namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>One batch committed (or found already committed in the ledger, then Redelivered).</summary>
public sealed record BatchCompleted(
    Guid RunId, int BatchNumber, int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy, bool Redelivered) : IRunMessage;
