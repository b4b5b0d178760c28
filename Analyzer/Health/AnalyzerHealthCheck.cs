using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMigration.Analyzer.Health;

/// <summary>
/// Puts the health figures into /health. Degraded (not unhealthy) without target tables: the
/// service itself works, it is pointed at the wrong database.
/// </summary>
public sealed class AnalyzerHealthCheck(HealthSummaryQuery query) : IHealthCheck
{
    public const string Name = "analyzer";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var summary = await query.GetAsync(cancellationToken);
        // Unknown figures stay null in /health's JSON: "no sessions table" is not "0 orphans".
        var data = new Dictionary<string, object>
        {
            ["orphanCount"] = summary.OrphanCount!,
            ["totalSessions"] = summary.TotalSessions!,
            ["lastPlan"] = summary.LastPlan!,
            ["lastRun"] = summary.LastRun!,
            ["activeRuns"] = summary.ActiveRuns,
            ["backupTables"] = summary.BackupTables,
        };
        return summary.TotalSessions is null
            ? HealthCheckResult.Degraded("The target table 'sessions' is missing", data: data)
            : HealthCheckResult.Healthy($"{summary.OrphanCount} orphan sessions of {summary.TotalSessions}", data);
    }
}
