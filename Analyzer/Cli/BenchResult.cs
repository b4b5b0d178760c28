namespace AspireMigration.Analyzer.Cli;

/// <summary>One row of the benchmark table.</summary>
public sealed record BenchResult(int Orphans, double FloorSeconds, double AnalysisSeconds, long PeakWorkingSetBytes, long GcHeapBytes)
{
    public double Ratio => AnalysisSeconds / FloorSeconds;
}
