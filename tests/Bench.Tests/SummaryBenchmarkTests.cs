using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Tests;

/// <summary>The `all` verb: one table with analysis, run and rollback at each size, and nothing left behind.</summary>
[Collection(BenchCollection.Name)]
public sealed class SummaryBenchmarkTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task All_prints_one_table_of_every_phase_at_every_size_and_leaves_no_database_or_queue()
    {
        var (exitCode, stdout, stderr) = await CommandLineRun.RunAsync(
            (output, error) => BenchCommandLine.RunAsync(["all", "--sizes", "18,40", "--batch-size", "10",
            "--ConnectionStrings:appdb", fixture.ServerConnectionString, "--ConnectionStrings:messaging",
            fixture.MessagingConnectionString], output, error));

        Assert.True(exitCode == 0, stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("| size | phase | floor (ms) | ours (ms) | ratio | batch p99 (ms) | peak memory (MB) |", rows[0]);
        Assert.Equal(2 + 2 * 3, rows.Length);
        string[] phases = ["analysis", "run", "rollback"];
        for (var i = 0; i < 6; i++)
        {
            var size = i < 3 ? "18" : "40";
            // Only the run has batches, so only its row has a p99.
            var p99 = phases[i % 3] == "run" ? @"\d+" : "–";
            Assert.Matches($@"^\| {size} \| {phases[i % 3]} \| \d+ \| \d+ \| \d+\.\d\d \| {p99} \| [1-9]\d* \|$", rows[i + 2]);
        }
        await using var server = new NpgsqlConnection(fixture.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE '%bench\\_%'"));
        Assert.DoesNotContain(await fixture.Broker.ListQueuesAsync(), queue => queue.StartsWith("bench-", StringComparison.Ordinal));
    }
}
