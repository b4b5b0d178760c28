using System.Text.Json;
using AspireMigration.Analyzer.Cli;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The headless `bench` verb (analysing from a terminal is the command line's `plans analyze`, tested in tests/Cli.Tests).</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class CliTests(InfrastructureFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("analyzer-cli-").FullName;

    [Fact]
    public async Task Bench_prints_floor_and_analysis_for_each_size_and_drops_its_databases()
    {
        var (exitCode, stdout, stderr) = await RunAsync("bench", "--connection", fixture.ServerConnectionString, "--orphans", "0,20");

        Assert.Equal(AnalyzerCli.Succeeded, exitCode);
        Assert.Empty(stderr);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("| orphans | floor (s) | analysis (s) | ratio |", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 18 |", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("| 38 |", rows[3], StringComparison.Ordinal);
        await using var server = new Npgsql.NpgsqlConnection(fixture.ServerConnectionString);
        await server.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname LIKE 'am_bench_%'", server);
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Theory]
    [InlineData(new[] { "analyze" }, false)]
    [InlineData(new[] { "bench" }, true)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void Only_cli_verbs_bypass_the_web_host(string[] args, bool handled) =>
        Assert.Equal(handled, AnalyzerCli.Handles(args));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await AnalyzerCli.RunAsync(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
