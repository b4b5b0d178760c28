using AspireMigration.Bench;
using AspireMigration.Bench.AppLoad;

namespace AspireMigration.UnitTests.Bench;

/// <summary>The `app-load` verb's options: its defaults, what it reads, and the values it refuses.</summary>
public sealed class AppLoadOptionsTests
{
    [Fact]
    public void Without_options_it_measures_100k_sessions_with_four_connections_at_400_a_second_and_a_10_second_idle_phase()
    {
        var options = AppLoadOptions.From(BenchConfiguration.Build([]));

        Assert.Equal(new AppLoadOptions(100_000, 4, 400, 1000, 250, TimeSpan.FromSeconds(10)), options);
    }

    [Fact]
    public void Every_option_is_read_from_the_command_line()
    {
        var options = AppLoadOptions.From(BenchConfiguration.Build(
            ["--sessions", "1000000", "--connections", "8", "--rate", "200", "--batch-size", "500", "--target-batch-ms", "100",
                "--idle-seconds", "30"]));

        Assert.Equal(new AppLoadOptions(1_000_000, 8, 200, 500, 100, TimeSpan.FromSeconds(30)), options);
    }

    [Theory]
    [InlineData("--sessions", "0", "--sessions takes a whole number between 1 and")]
    [InlineData("--connections", "0", "--connections takes a whole number between 1 and 64")]
    [InlineData("--rate", "0", "--rate takes a whole number between 1 and 100000")]
    [InlineData("--batch-size", "-5", "--batch-size takes a whole number between 1 and")]
    [InlineData("--target-batch-ms", "0", "--target-batch-ms takes a whole number between 1 and")]
    [InlineData("--idle-seconds", "0", "--idle-seconds takes a whole number between 1 and 3600")]
    public void An_option_out_of_range_is_refused_naming_it(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => AppLoadOptions.From(BenchConfiguration.Build([option, value])));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
