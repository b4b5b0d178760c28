using System.Diagnostics;
using System.Globalization;
using AspireMigration.Shared.Security;

namespace AspireMigration.Bench.Execution;

/// <summary>
/// Downloads a run's report over the Executor's own HTTP API, as an operator would, and measures the
/// time to the last byte and the Executor process's peak memory during the download alone.
/// </summary>
public static class ReportDownload
{
    /// <summary>One printed line per format.</summary>
    public static async Task<IReadOnlyList<string>> MeasureAsync(
        Uri executor, string serviceApiKey, Guid runId, IEnumerable<string> formats)
    {
        using var http = ServiceApiClient.Create(executor, serviceApiKey, Roles.Viewer);
        var lines = new List<string>();
        var buffer = new byte[81920];
        foreach (var format in formats)
        {
            PeakMemory.Reset(Environment.ProcessId);
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(
                $"/api/runs/{runId}/report?format={Uri.EscapeDataString(format)}", HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var body = await response.Content.ReadAsStreamAsync();
            long bytes = 0;
            for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            {
                bytes += read;
            }
            var elapsed = Stopwatch.GetElapsedTime(started);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"Report {format}: {bytes / (1024.0 * 1024):F1} MB in {elapsed.TotalMilliseconds:F0} ms, " +
                $"peak memory during the download {PeakMemory.Of(Environment.ProcessId) / (1024.0 * 1024):F0} MB"));
        }
        return lines;
    }
}
