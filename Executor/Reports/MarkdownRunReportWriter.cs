using AspireMigration.Shared.Contracts.Api.Runs;
using System.Globalization;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Reports;

namespace AspireMigration.Executor.Reports;

/// <summary>A report a reviewer reads in a pull request or wiki: the run, its outcome counts, one table row per session.</summary>
public sealed class MarkdownRunReportWriter : IRunReportWriter
{
    // The characters that open inline markup, a link, HTML or an entity, or end a table cell, wherever they stand.
    public string ContentType => "text/markdown; charset=utf-8";

    public string FileExtension => "md";

    public async Task WriteAsync(
        Stream output, RunView run, IReadOnlyDictionary<string, int> outcomes, IAsyncEnumerable<ReportSession> sessions,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\n" };
        await writer.WriteLineAsync(
            Line($"# Run {run.RunId}{(run.DryRun ? " (dry run: nothing was changed; counts are what would change)" : "")}"));
        await writer.WriteLineAsync();
        await writer.WriteLineAsync(
            Line($"Plan {run.PlanId}, requested by {MarkdownText.Escape(run.RequestedBy)} at {MarkdownText.Time(run.CreatedAt)}; ")
            + Line($"state **{MarkdownText.Escape(run.State)}**."));
        await writer.WriteLineAsync();
        if (run.Reason is not null)
        {
            await writer.WriteLineAsync($"Reason: {MarkdownText.Escape(run.Reason)}");
            await writer.WriteLineAsync();
        }
        await writer.WriteLineAsync("| Outcome | Sessions |");
        await writer.WriteLineAsync("|---|---|");
        foreach (var (outcome, count) in outcomes)
        {
            await writer.WriteLineAsync(Line($"| {MarkdownText.Escape(outcome)} | {count} |"));
        }
        await writer.WriteLineAsync();
        await writer.WriteLineAsync("| " + string.Join(" | ", RunReportCells.Columns) + " |");
        await writer.WriteLineAsync("|" + string.Concat(Enumerable.Repeat("---|", RunReportCells.Columns.Length)));
        await foreach (var session in sessions.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Row(RunReportCells.Of(session)));
        }
    }

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(MarkdownText.Escape)) + " |";

    private static string Line(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);
}
