namespace AspireMigration.Executor.Api;

public sealed record BatchView(int BatchNumber, int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy, DateTime ProcessedAt);
