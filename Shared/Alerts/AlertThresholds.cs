namespace AspireMigration.Shared.Alerts;

/// <summary>The "Alerts" configuration section; the defaults are the product's alert rules.</summary>
public sealed class AlertThresholds
{
    /// <summary>Share of a run's included sessions that did not migrate (changed since analysis, conflicts).</summary>
    public decimal RunFailureRate { get; set; } = 0.10m;

    /// <summary>Share of a plan's items that are tentative or need manual review.</summary>
    public decimal PlanUncertainShare { get; set; } = 0.30m;

    public double AnalysisSeconds { get; set; } = 5;

    /// <summary>How far back rollbacks count as news.</summary>
    public TimeSpan RollbackWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A run in progress with no transition and no batch for this long is stalled.</summary>
    public TimeSpan RunStalledAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A run not yet finished that has spent this long Throttled, over all its throttles, raises run-throttled.</summary>
    public TimeSpan RunThrottledAfter { get; set; } = TimeSpan.FromMinutes(30);
}
