using System.Text.Json;
using AspireMigration.Analyzer.Plans;

namespace AspireMigration.Analyzer.Health;

/// <summary>
/// The figures an operator checks before and after a backfill. Counts are null when the target
/// tables are missing; run figures are null until the Executor's runs table exists.
/// </summary>
public sealed record HealthSummary(
    long? OrphanCount,
    long? TotalSessions,
    PlanSummary? LastPlan,
    JsonElement? LastRun,
    long? ActiveRuns,
    IReadOnlyList<string> BackupTables);
