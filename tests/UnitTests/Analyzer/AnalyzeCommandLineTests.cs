using AspireMigration.Analyzer.Cli;
using AspireMigration.TestSupport;

namespace AspireMigration.UnitTests.Analyzer;

/// <summary>The headless `analyze` verb's command line: what it refuses, and its exit codes, before any server answers.</summary>
public sealed class AnalyzeCommandLineTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("analyzer-cli-").FullName;

    [Fact]
    public async Task A_malformed_connection_string_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", "Host=localhost;Nonsense=1", "--report", Path.Combine(directory, "p.json"));

        Assert.Equal(AnalyzerCli.UsageError, exitCode);
        Assert.Contains("connection string is invalid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_with_a_database_message_and_no_report()
    {
        var report = Path.Combine(directory, "p.json");

        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=z;Timeout=3", "--report", report);

        Assert.Equal(AnalyzerCli.Failed, exitCode);
        Assert.Contains("the database failed", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(report));
    }

    [Theory]
    [InlineData("--format", "xml", "--format must be")]
    [InlineData("--prior", "-1", "prior must be between 0 and 1000000")]
    [InlineData("--prior", "1000001", "prior must be between 0 and 1000000")]
    [InlineData("--prior", "79228162514264337593543950335", "prior must be between 0 and 1000000")]
    [InlineData("--prior", "1e30", "must be a number")]
    [InlineData("--prior", "NaN", "must be a number")]
    [InlineData("--confident-threshold", "79228162514264337593543950335", "confident threshold must be between 0 and 1")]
    [InlineData("--confident-threshold", "0.5", "must not exceed the confident threshold")]
    [InlineData("--tentative-threshold", "abc", "must be a number")]
    [InlineData("--bogus", "1", "Unknown option '--bogus'")]
    public async Task Bad_options_are_usage_errors(string option, string value, string message)
    {
        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", "Host=localhost", "--report", Path.Combine(directory, "p.json"), option, value);

        Assert.Equal(AnalyzerCli.UsageError, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Contains("usage: analyze", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_report_option_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await RunAsync("analyze", "--connection", "Host=localhost");

        Assert.Equal(AnalyzerCli.UsageError, exitCode);
        Assert.Contains("--report is required", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "analyze" }, true)]
    [InlineData(new[] { "bench" }, false)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, false)]
    [InlineData(new string[0], false)]
    public void Only_cli_verbs_bypass_the_web_host(string[] args, bool handled) =>
        Assert.Equal(handled, AnalyzerCli.Handles(args));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        CommandLineRun.RunAsync((stdout, stderr) => AnalyzerCli.RunAsync(args, stdout, stderr));
}
