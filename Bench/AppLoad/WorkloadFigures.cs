namespace AspireMigration.Bench.AppLoad;

/// <summary>What the application saw during one phase: operations completed, and their latency percentiles.</summary>
public sealed record WorkloadFigures(int Operations, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double OperationsPerSecond => Operations / Elapsed.TotalSeconds;
}
