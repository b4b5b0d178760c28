using AspireMigration.Analyzer.Plans;
using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Analyzer.Reports;

/// <summary>Renders a plan report while its items stream in, so no rendering holds the whole plan.</summary>
public interface IReportWriter
{
    string ContentType { get; }

    string FileExtension { get; }

    Task WriteAsync(Stream output, PlanSummary plan, IAsyncEnumerable<PlanItem> items, CancellationToken cancellationToken);
}
