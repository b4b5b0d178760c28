using AspireMigration.Bench;
using AspireMigration.TestSupport;

namespace AspireMigration.UnitTests.Bench;

/// <summary>The bench's command line: what it refuses before it touches a server (the one named does not exist).</summary>
public sealed class BenchCommandLineTests
{
    [Theory]
    [InlineData("analysis", "--orphans", "-1", "--orphans takes sizes between 0 and")]
    [InlineData("bench", "--sizes", "17", "--sizes takes sizes between 18 and")]
    [InlineData("app-load", "--connections", "0", "--connections takes a whole number between 1 and 64")]
    [InlineData("bogus", "--sizes", "18", "usage: bench [--sizes")]
    public async Task A_wrong_command_line_is_a_usage_error_before_any_database_is_made(
        string verb, string option, string value, string message)
    {
        var (exitCode, _, stderr) = await CommandLineRun.RunAsync((output, error) =>
            BenchCommandLine.RunAsync([verb, "--connection", "Host=127.0.0.1;Port=1", option, value], output, error));

        Assert.Equal(BenchCommandLine.UsageError, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
