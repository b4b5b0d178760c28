namespace AspireMigration.Bench.Analysis;

/// <summary>One row of the analysis benchmark's table.</summary>
public sealed record AnalysisResult(int Orphans, double FloorSeconds, double AnalysisSeconds, long PeakWorkingSetBytes, long GcHeapBytes)
{
    public double Ratio => AnalysisSeconds / FloorSeconds;
}
