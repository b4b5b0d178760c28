using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMigration.Shared.Alerts;

/// <summary>Active alerts make the service Degraded, never Unhealthy: the process itself is fine.</summary>
internal sealed class AlertsHealthCheck(AlertEvaluator evaluator) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var alerts = await evaluator.EvaluateAsync(cancellationToken);
        var data = alerts.ToDictionary(a => $"{a.Rule}:{a.Subject}", a => (object)a.Message);
        return alerts.Count == 0
            ? HealthCheckResult.Healthy("No active alerts", data)
            : HealthCheckResult.Degraded($"{alerts.Count} active alert(s)", data: data);
    }
}
