using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Bench.Execution;
using AspireMigration.Executor.Steps;
using AspireMigration.TestSupport;
using Xunit.Abstractions;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// The report and the rollback preview of a 100,000-session run, downloaded from an Executor in a
/// process of its own, whose peak resident memory is read from Linux's /proc.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class ReportMemoryTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const int Sessions = 100_000;
    private const long MemoryLimit = 300L * 1024 * 1024;

    [Fact]
    public async Task Report_and_preview_of_100k_sessions_stream_within_300_MB()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        Guid planId;
        await using (var connection = await scenario.DataSource.OpenConnectionAsync())
        {
            await BenchData.SeedOrphansAsync(connection, Sessions);
            planId = await BenchData.InsertPlanAsync(connection, 1, Sessions);
        }
        await scenario.ExecuteAsync("ANALYZE sessions; ANALYZE backfill.plan_items");
        using var executor = await ExecutorProcess.StartAsync(scenario, infrastructure, ExecutorApp.NewEndpointPrefix());
        var client = executor.OperatorClient();
        var run = await client.WaitAsync(await client.StartAsync(planId));
        Assert.Equal(("Completed", Sessions), (run.State, run.Migrated));
        output.WriteLine($"Executor peak after the run: {Megabytes(executor.PeakMemoryBytes)} MB");

        executor.ResetPeakMemory();
        foreach (var format in new[] { "json", "csv", "md" })
        {
            var ids = await DownloadSessionIdsAsync(client.Http, run.RunId, format);
            Assert.Equal(Sessions, ids.Count);
            // Strictly ascending in PostgreSQL's uuid order (that of the text): every session once, in session order.
            Assert.All(ids.Zip(ids.Skip(1)),
                pair => Assert.True(string.CompareOrdinal(pair.First, pair.Second) < 0, $"{pair.First} before {pair.Second}"));
            output.WriteLine($"Executor peak while reports were downloaded, up to {format}: {Megabytes(executor.PeakMemoryBytes)} MB");
        }

        foreach (var page in new[] { 1, 50, 100 })
        {
            var preview = (await client.Http.GetFromJsonAsync<RollbackPreview>(
                $"/api/runs/{run.RunId}/rollback-preview?page={page}&pageSize=1000"))!;
            Assert.Equal((Sessions, 0, 0, 1000),
                (preview.WouldRestore, preview.AlreadyOriginal, preview.Conflicts, preview.Sessions.Count));
        }
        output.WriteLine($"Executor peak while reports and preview pages were downloaded: {Megabytes(executor.PeakMemoryBytes)} MB");

        Assert.InRange(executor.PeakMemoryBytes, 0, MemoryLimit);
    }

    /// <summary>The session ids of one report, read as it streams in.</summary>
    private static async Task<List<string>> DownloadSessionIdsAsync(HttpClient http, Guid runId, string format)
    {
        using var response = await http.GetAsync($"/api/runs/{runId}/report?format={format}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        if (format == "json")
        {
            using var report = await JsonDocument.ParseAsync(body);
            Assert.Equal(Sessions, report.RootElement.GetProperty("outcomes").GetProperty("migrated").GetInt32());
            return report.RootElement.GetProperty("sessions").EnumerateArray().Select(
                s => s.GetProperty("sessionId").GetString()!).ToList();
        }
        using var reader = new StreamReader(body);
        var ids = new List<string>();
        // CSV: a header, then one row per session. Markdown: the run, the outcome table, then a table whose rows start with a session id.
        var rowStart = format == "csv" ? "" : "| ";
        for (var line = await reader.ReadLineAsync(); line is not null; line = await reader.ReadLineAsync())
        {
            if (line.Length >= rowStart.Length + 36 && line.StartsWith(rowStart, StringComparison.Ordinal)
                && Guid.TryParse(line.AsSpan(rowStart.Length, 36), out _))
            {
                ids.Add(line.Substring(rowStart.Length, 36));
            }
        }
        return ids;
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);
}
