using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Tests;

/// <summary>
/// The `bench` verb: one table with analysis, run, backup and rollback at each size, then the seed scenario on a warm Analyzer
/// (stored, HTTP caller, the command line as a process), and nothing left behind.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class SummaryBenchmarkTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Bench_prints_one_table_of_every_phase_at_every_size_and_the_warm_service_figures_and_leaves_nothing()
    {
        var (exitCode, stdout, stderr) = await CommandLineRun.RunAsync(
            (output, error) => BenchCommandLine.RunAsync(["bench", "--sizes", "18,40", "--batch-size", "10", "--trials", "2",
            "--ConnectionStrings:appdb", fixture.ServerConnectionString, "--ConnectionStrings:messaging",
            fixture.MessagingConnectionString], output, error));

        Assert.True(exitCode == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("| size | phase | floor (ms) | ours (ms) | ratio | p99 (ms) | peak memory (MB) |", rows[0]);
        Assert.Equal(2 + 2 * 4 + 3, rows.Length);
        string[] phases = ["analysis", "run", "backup", "rollback"];
        for (var i = 0; i < 8; i++)
        {
            var size = i < 4 ? "18" : "40";
            // Only the run has batches, so only its row has a p99.
            var p99 = phases[i % 4] == "run" ? @"\d+" : "–";
            Assert.Matches($@"^\| {size} \| {phases[i % 4]} \| \d+ \| \d+ \| \d+\.\d\d \| {p99} \| [1-9]\d* \|$", rows[i + 2]);
        }
        string[] warm = ["warm analysis, stored", "warm analysis, HTTP caller", "CLI plans analyze, process"];
        for (var i = 0; i < 3; i++)
        {
            Assert.Matches($@"^\| 18 \| {warm[i]} \| – \| \d+ \| – \| \d+ \| – \|$", rows[i + 10]);
        }
        await using var server = new NpgsqlConnection(fixture.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE '%bench\\_%'"));
        Assert.DoesNotContain(await fixture.Broker.ListQueuesAsync(), queue => queue.StartsWith("bench-", StringComparison.Ordinal));
    }
}
