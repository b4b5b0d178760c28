using AspireMigration.Shared.Contracts.Api.Plans;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>
/// Traces and metrics of the analysis under the "AspireMigration" names that ServiceDefaults
/// already exports, so they show in the Aspire dashboard without further wiring.
/// </summary>
public static class AnalyzerTelemetry
{
    public const string Name = "AspireMigration";

    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Histogram<double> AnalysisDuration = Meter.CreateHistogram<double>(
        "migration.analysis.duration", unit: "s", description: "Duration of one orphan analysis, from query to persisted plan",
        // The alert threshold (5 s) is a bucket boundary, so the histogram shows which analyses crossed it.
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });

    private static readonly Histogram<double> Confidence = Meter.CreateHistogram<double>(
        "migration.analysis.confidence", unit: "1",
        description: "Confidence of each analysed orphan, by assignment type: the plans' confidence distribution",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] });

    private static readonly Counter<long> PlanItems = Meter.CreateCounter<long>(
        "migration.analysis.plan_items", unit: "{item}", description: "Plan items produced, by assignment type");

    /// <summary>One point per item of the group, as if each item were recorded alone.</summary>
    public static void RecordItems(ScoredGroup group)
    {
        var type = new KeyValuePair<string, object?>("assignment.type", group.Type.ToName());
        for (var i = 0; i < group.Items; i++)
        {
            Confidence.Record((double)group.Confidence, type);
        }
    }

    public static void RecordAnalysis(TimeSpan duration, PlanCounts counts)
    {
        AnalysisDuration.Record(duration.TotalSeconds);
        PlanItems.Add(counts.Confident, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Confident));
        PlanItems.Add(counts.Tentative, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Tentative));
        PlanItems.Add(counts.ManualReview, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.ManualReview));
        PlanItems.Add(counts.Unassigned, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Unassigned));
    }
}
