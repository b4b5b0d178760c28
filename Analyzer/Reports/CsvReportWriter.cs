using AspireMigration.Analyzer.Plans;
using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Analyzer.Reports;

/// <summary>
/// One RFC 4180 row per item under a header row. The plan-level data (id, settings, summary,
/// risks, recommendations) precedes it as '#' comment lines, which spreadsheet imports can skip.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    public string ContentType => "text/csv; charset=utf-8";

    public string FileExtension => "csv";

    public async Task WriteAsync(Stream output, PlanSummary plan, IAsyncEnumerable<PlanItem> items, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync($"# planId: {plan.PlanId}");
        await writer.WriteLineAsync($"# createdAt: {ReportValues.CreatedAt(plan)}");
        await writer.WriteLineAsync($"# settings: {ReportValues.SettingsLine(plan)}");
        await writer.WriteLineAsync($"# summary: {ReportValues.SummaryLine(plan)}");
        foreach (var risk in plan.Risks)
        {
            await writer.WriteLineAsync($"# risk: {risk}");
        }
        foreach (var recommendation in plan.Recommendations)
        {
            await writer.WriteLineAsync($"# recommendation: {recommendation}");
        }
        await writer.WriteLineAsync(string.Join(',', ReportValues.ItemColumns));
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', ReportValues.ItemCells(item).Select(Quote)));
        }
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
