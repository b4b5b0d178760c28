using AspireMigration.Dashboard.Clients.Plans;
using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Overview;

/// <summary>
/// The figures an operator checks before and after a backfill. Counts are null when the target tables are missing; LastRun is
/// null before the first run.
/// </summary>
public sealed record HealthSummary(
    long? OrphanCount, long? TotalSessions, PlanSummary? LastPlan, RunFigures? LastRun, long ActiveRuns, IReadOnlyList<string> BackupTables)
{
    internal static HealthSummary From(Generated.HealthSummary health) => new(
        health.OrphanCount, health.TotalSessions, health.LastPlan is { } plan ? PlanSummary.From(plan) : null,
        health.LastRun is { } run ? RunFigures.From(run) : null, Required(health.ActiveRuns), Required(health.BackupTables));
}
