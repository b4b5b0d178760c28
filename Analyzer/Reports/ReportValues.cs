using AspireMigration.Shared.Contracts.Api.Plans;
using System.Globalization;
using AspireMigration.Analyzer.Plans;

namespace AspireMigration.Analyzer.Reports;

/// <summary>How every rendering prints an item, so JSON, CSV and Markdown carry the same data.</summary>
public static class ReportValues
{
    public static readonly string[] ItemColumns =
    [
        "sessionId", "assignmentType", "targetProjectId", "suggestedProjectId", "confidence",
        "eventsTotal", "evidenceEvents", "projectDistribution", "reasoning", "warnings",
    ];

    /// <summary>The product contract: confidence is rounded to 4 decimals only when printed.</summary>
    public static decimal PrintedConfidence(decimal confidence) => Math.Round(confidence, 4, MidpointRounding.AwayFromZero);

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string[] ItemCells(PlanItem item) =>
    [
        item.SessionId.ToString(),
        item.AssignmentType,
        item.TargetProjectId?.ToString() ?? "",
        item.SuggestedProjectId?.ToString() ?? "",
        Number(PrintedConfidence(item.Confidence)),
        item.EventsTotal.ToString(CultureInfo.InvariantCulture),
        item.EvidenceEvents.ToString(CultureInfo.InvariantCulture),
        string.Join(";", item.ProjectDistribution.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => $"{d.Key}:{d.Value}")),
        item.Reasoning,
        string.Join("; ", item.Warnings),
    ];

    public static string SettingsLine(PlanSummary plan) =>
        $"prior {Number(plan.Settings.Prior)}, confident threshold {Number(plan.Settings.ConfidentThreshold)}, " +
        $"tentative threshold {Number(plan.Settings.TentativeThreshold)}";

    public static string SummaryLine(PlanSummary plan) =>
        $"total {plan.Summary.Total}, confident {plan.Summary.Confident}, tentative {plan.Summary.Tentative}, " +
        $"manual_review {plan.Summary.ManualReview}, unassigned {plan.Summary.Unassigned}";

    public static string CreatedAt(PlanSummary plan) => plan.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
}
