using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace AspireMigration.Executor.Reports;

/// <summary>The words the API's ?format= accepts, and the writer for each.</summary>
public static class RunReportFormats
{
    public const string Accepted = "json, csv or md";

    public static readonly IReadOnlyList<string> Names = ["json", "csv", "md"];

    /// <param name="json">The API's own serializer options, so the streamed JSON reads exactly as the API's other answers.</param>
    public static bool TryCreate(string? format, JsonSerializerOptions json, [NotNullWhen(true)] out IRunReportWriter? writer)
    {
        writer = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => new JsonRunReportWriter(json),
            "csv" => new CsvRunReportWriter(),
            "md" => new MarkdownRunReportWriter(),
            _ => null,
        };
        return writer is not null;
    }
}
