using AspireMigration.Cli.Configuration;

namespace AspireMigration.Cli.Tests;

/// <summary>Exit codes a pipeline gates on, with no service needed: 2 for a wrong command line, 3 for a service that does not
/// answer.</summary>
public sealed class ExitCodeTests
{
    private static readonly Dictionary<string, string> Unreachable = new()
    {
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        [ConnectionResolver.AnalyzerUrlVariable] = "http://127.0.0.1:1",
        [ConnectionResolver.ExecutorUrlVariable] = "http://127.0.0.1:1",
        [ConnectionResolver.KeyVariable] = "any",
    };

    [Theory]
    [InlineData("runs", "list")]
    [InlineData("plans", "list")]
    [InlineData("health")]
    public async Task A_service_that_does_not_answer_is_exit_code_3(params string[] args)
    {
        var result = await CliProcess.RunAsync(Unreachable, args);

        Assert.Equal(ExitCodes.Unreachable, result.ExitCode);
        Assert.Contains("did not answer", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs", "bogus")]
    [InlineData("runs", "show", "not-a-run-id")]
    [InlineData("runs", "start", "not-a-plan-id")]
    [InlineData("runs", "start", "0196a000-0000-7000-8000-000000000000", "--window", "at night")]
    [InlineData("runs", "pace", "not-a-run-id")]
    [InlineData("runs", "pace", "0196a000-0000-7000-8000-000000000000", "--start-at", "tomorrow")]
    [InlineData("runs", "report", "0196a000-0000-7000-8000-000000000000", "--format", "xml")]
    [InlineData("plans", "decide", "p", "s", "assign")]
    [InlineData("plans", "decide", "p", "s", "delete")]
    [InlineData("plans", "show", "p", "--page", "many")]
    [InlineData("--config", "/nonexistent/aspire-migration.json", "runs", "list")]
    public async Task A_wrong_command_line_is_exit_code_2_and_calls_nothing(params string[] args)
    {
        var result = await CliProcess.RunAsync(Unreachable, args);

        Assert.True(result.ExitCode == ExitCodes.Usage, result.ToString());
        Assert.StartsWith("error: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_service_url_the_command_line_says_where_to_set_it()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), "runs", "list");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(ConnectionResolver.AnalyzerUrlVariable, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_risky_step_without_a_terminal_or_yes_is_refused_before_any_call()
    {
        var result = await CliProcess.RunAsync(Unreachable, "runs", "start", "0196a000-0000-7000-8000-000000000000", "--interactive");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--interactive needs a terminal", result.Stderr, StringComparison.Ordinal);
    }
}
