using System.Text.Json;
using AspireMigration.Analyzer.Cli;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The headless `analyze` verb on a real database: the report it writes, and its exit codes when the database cannot serve it.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class CliTests(InfrastructureFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("analyzer-cli-").FullName;

    [Fact]
    public async Task Analyze_writes_the_report_persists_the_plan_and_exits_0()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        await db.AddOrphanAsync((p1, 9));
        await db.AddOrphanAsync((p1, 1), (null, 4));
        var report = Path.Combine(directory, "plan.json");

        var (exitCode, stdout, stderr) = await RunAsync("analyze", "--connection", db.ConnectionString, "--report", report, "--prior", "0", "--created-by", "nightly");

        Assert.Equal(AnalyzerCli.Succeeded, exitCode);
        Assert.Empty(stderr);
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement;
        var planId = json.GetProperty("planId").GetGuid();
        Assert.Contains(planId.ToString(), stdout, StringComparison.Ordinal);
        Assert.Equal(0m, json.GetProperty("settings").GetProperty("prior").GetDecimal());
        // With prior 0, one event of one project is 1/1: confident.
        Assert.Equal(2, json.GetProperty("summary").GetProperty("confident").GetInt32());
        Assert.Equal("nightly", await db.ScalarAsync<string>("SELECT created_by FROM backfill.plans WHERE id = @planId", new { planId }));
    }

    [Theory]
    [InlineData("csv", "sessionId,assignmentType")]
    [InlineData("md", "| sessionId | assignmentType")]
    public async Task Analyze_writes_csv_and_markdown(string format, string expectedHeader)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.AddSessionAsync();
        var report = Path.Combine(directory, "plan." + format);

        var (exitCode, _, _) = await RunAsync("analyze", "--connection", db.ConnectionString, "--report", report, "--format", format);

        Assert.Equal(AnalyzerCli.Succeeded, exitCode);
        Assert.Contains(expectedHeader, await File.ReadAllTextAsync(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_without_the_target_tables_fails_before_creating_the_tool_schema()
    {
        var connectionString = await fixture.CreateDatabaseAsync(withTargetSchema: false);

        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", connectionString, "--report", Path.Combine(directory, "p.json"));

        Assert.Equal(AnalyzerCli.Failed, exitCode);
        Assert.Contains("lacks the target table(s) projects, sessions, analytics_events", stderr, StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT to_regnamespace('backfill') IS NULL", connection);
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_unwritable_report_path_fails_before_analysing()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);

        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", db.ConnectionString, "--report", Path.Combine(directory, "missing-dir", "p.json"));

        Assert.Equal(AnalyzerCli.Failed, exitCode);
        Assert.Contains("cannot write the report", stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CommandLineRun.RunAsync((stdout, stderr) => AnalyzerCli.RunAsync(args, stdout, stderr));
}
