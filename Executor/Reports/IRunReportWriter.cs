using AspireMigration.Executor.Api;
using AspireMigration.Shared.Contracts.Api.Runs;

namespace AspireMigration.Executor.Reports;

/// <summary>Renders a run report while its sessions stream in, so no rendering holds the whole run.</summary>
public interface IRunReportWriter
{
    string ContentType { get; }

    string FileExtension { get; }

    Task WriteAsync(Stream output, RunView run, IReadOnlyDictionary<string, int> outcomes, IAsyncEnumerable<ReportSession> sessions,
        CancellationToken cancellationToken);
}
