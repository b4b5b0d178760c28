using AspireMigration.Analyzer.Plans;
using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Reports;

namespace AspireMigration.Analyzer.Reports;

/// <summary>A report a reviewer reads in a pull request or wiki: header, lists, one table row per item.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string ContentType => "text/markdown; charset=utf-8";

    public string FileExtension => "md";

    public async Task WriteAsync(Stream output, PlanSummary plan, IAsyncEnumerable<PlanItem> items, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync($"# Backfill plan {plan.PlanId}");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"- Created at: {MarkdownText.Time(plan.CreatedAt)}");
        await writer.WriteLineAsync($"- Settings: {ReportValues.SettingsLine(plan)}");
        await writer.WriteLineAsync($"- Summary: {ReportValues.SummaryLine(plan)}");
        await WriteListAsync(writer, "Risks", plan.Risks);
        await WriteListAsync(writer, "Recommendations", plan.Recommendations);
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("## Sessions");
        await writer.WriteLineAsync();
        await writer.WriteLineAsync(Row(ReportValues.ItemColumns));
        await writer.WriteLineAsync(Row(ReportValues.ItemColumns.Select(_ => "---")));
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(ReportValues.ItemCells(item)));
        }
    }

    private static async Task WriteListAsync(StreamWriter writer, string title, IReadOnlyList<string> lines)
    {
        await writer.WriteLineAsync();
        await writer.WriteLineAsync($"## {title}");
        await writer.WriteLineAsync();
        foreach (var line in lines.DefaultIfEmpty("none"))
        {
            await writer.WriteLineAsync($"- {MarkdownText.Escape(line)}");
        }
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(MarkdownText.Escape)) + " |";
}
