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
        "migration.analysis.duration", unit: "s", description: "Duration of one orphan analysis, from query to persisted plan");

    private static readonly Counter<long> PlanItems = Meter.CreateCounter<long>(
        "migration.analysis.plan_items", unit: "{item}", description: "Plan items produced, by assignment type");

    public static void RecordAnalysis(TimeSpan duration, PlanCounts counts)
    {
        AnalysisDuration.Record(duration.TotalSeconds);
        PlanItems.Add(counts.Confident, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Confident));
        PlanItems.Add(counts.Tentative, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Tentative));
        PlanItems.Add(counts.ManualReview, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.ManualReview));
        PlanItems.Add(counts.Unassigned, new KeyValuePair<string, object?>("assignment.type", AssignmentTypeNames.Unassigned));
    }
}
