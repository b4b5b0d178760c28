using AspireMigration.Cli.Commands.Runs;

namespace AspireMigration.Cli.Tests;

/// <summary>`runs show` says 100 % only once every session is done, and never rounds a run up to it.</summary>
public sealed class RunProgressTextTests
{
    [Theory]
    [InlineData(9_999, 10_000, "9,999 of 10,000 sessions (99.9 %)")]
    [InlineData(999_999, 1_000_000, "999,999 of 1,000,000 sessions (99.9 %)")]
    [InlineData(1, 1_000_000, "1 of 1,000,000 sessions (0 %)")]
    [InlineData(15, 15, "15 of 15 sessions (100 %)")]
    [InlineData(0, 0, "0 of 0 sessions")]
    public void Progress_is_rounded_down_to_a_tenth_of_a_percent(int done, int included, string expected) =>
        Assert.Equal(expected, ShowRunCommand.Progress(done, included));
}
