namespace AspireMigration.Analyzer.Reports;

public enum ReportFormat
{
    Json,
    Csv,
    Markdown,
}
