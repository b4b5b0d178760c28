namespace AspireMigration.Shared.Contracts.Api.Runs;

public sealed record BatchView(
    int BatchNumber, int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy, DateTime ProcessedAt);
