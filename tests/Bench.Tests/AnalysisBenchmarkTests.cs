using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Tests;

/// <summary>The `analysis` verb through the bench's command line: its table, and the databases it leaves (none).</summary>
[Collection(BenchCollection.Name)]
public sealed class AnalysisBenchmarkTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Analysis_prints_floor_and_analysis_for_each_size_and_drops_its_databases()
    {
        var (exitCode, stdout, stderr) = await BenchAsync(
            "analysis", "--connection", fixture.ServerConnectionString, "--orphans", "0,20", "--trials", "2");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("| orphans | floor (s) | analysis (s) | ratio |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 18 |", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("| 38 |", rows[3], StringComparison.Ordinal);
        await using var server = new NpgsqlConnection(fixture.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'am\\_bench\\_%'"));
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> BenchAsync(params string[] args) =>
        CommandLineRun.RunAsync((stdout, stderr) => BenchCommandLine.RunAsync(args, stdout, stderr));
}
