using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Shared.Contracts.Api.Overview;

/// <summary>
/// The figures an operator checks before and after a backfill. Counts are null when the target
/// tables are missing; LastRun is null before the first run.
/// </summary>
public sealed record HealthSummary(
    long? OrphanCount,
    long? TotalSessions,
    PlanSummary? LastPlan,
    RunFigures? LastRun,
    long ActiveRuns,
    IReadOnlyList<string> BackupTables);
