using AspireMigration.Executor.Api;
using AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.Executor.Reports;

/// <summary>One RFC 4180 row per session under a header row.</summary>
public sealed class CsvRunReportWriter : IRunReportWriter
{
    // A spreadsheet evaluates a cell that starts with one of these as a formula (CSV injection, OWASP).
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public string ContentType => "text/csv; charset=utf-8";

    public string FileExtension => "csv";

    public async Task WriteAsync(
        Stream output, RunView run, IReadOnlyDictionary<string, int> outcomes, IAsyncEnumerable<ReportSession> sessions,
        CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', RunReportCells.Columns));
        await foreach (var session in sessions.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',', RunReportCells.Of(session).Select(Cell)));
        }
    }

    /// <summary>A formula-looking value gets a leading apostrophe (shown, never evaluated); separators and quotes are quoted.</summary>
    public static string Cell(string value)
    {
        var text = value.Length > 0 && FormulaStarts.Contains(value[0]) ? "'" + value : value;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
