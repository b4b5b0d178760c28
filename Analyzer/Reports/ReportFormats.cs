namespace AspireMigration.Analyzer.Reports;

/// <summary>The words the API's ?format= and the CLI's --format accept.</summary>
public static class ReportFormats
{
    public const string Accepted = "json, csv or md";

    /// <summary>The words of <see cref="Accepted"/>; "markdown" is also taken for md.</summary>
    public static readonly IReadOnlyList<string> Names = ["json", "csv", "md"];

    public static bool TryParse(string? value, out ReportFormat format)
    {
        (var known, format) = value?.ToLowerInvariant() switch
        {
            null or "" or "json" => (true, ReportFormat.Json),
            "csv" => (true, ReportFormat.Csv),
            "md" or "markdown" => (true, ReportFormat.Markdown),
            _ => (false, ReportFormat.Json),
        };
        return known;
    }

    public static IReportWriter WriterFor(ReportFormat format) => format switch
    {
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Csv => new CsvReportWriter(),
        ReportFormat.Markdown => new MarkdownReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
