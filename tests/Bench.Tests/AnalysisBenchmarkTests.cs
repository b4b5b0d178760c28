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
        var (exitCode, stdout, stderr) = await BenchRun.RunAsync("analysis", "--connection", fixture.ServerConnectionString, "--orphans", "0,20");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("| orphans | floor (s) | analysis (s) | ratio |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 18 |", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("| 38 |", rows[3], StringComparison.Ordinal);
        await using var server = new NpgsqlConnection(fixture.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'am\\_bench\\_%'"));
    }

    [Theory]
    [InlineData("analysis", "--orphans", "-1", "--orphans takes sizes between 0 and")]
    [InlineData("all", "--sizes", "17", "--sizes takes sizes between 18 and")]
    [InlineData("bogus", "--sizes", "18", "usage: analysis --connection")]
    public async Task A_wrong_command_line_is_a_usage_error_before_any_database_is_made(string verb, string option, string value, string message)
    {
        var (exitCode, _, stderr) = await BenchRun.RunAsync(verb, "--connection", fixture.ServerConnectionString, option, value);

        Assert.Equal(BenchCommandLine.UsageError, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
