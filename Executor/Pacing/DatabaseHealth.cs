namespace AspireMigration.Executor.Pacing;

/// <summary>One reading of every health indicator, each against its threshold.</summary>
public sealed record DatabaseHealth(IReadOnlyList<HealthIndicator> Indicators, DateTimeOffset ReadAt)
{
    public bool Healthy => Indicators.All(i => !i.Tripped);

    /// <summary>Why a run waits, in the operator's words ("replication lag 12.4 s > 5 s"); null when healthy.</summary>
    public string? Reason => Healthy ? null : string.Join("; ", Indicators.Where(i => i.Tripped).Select(i => i.Describe()));
}
