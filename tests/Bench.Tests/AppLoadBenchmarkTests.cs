using System.Globalization;
using AspireMigration.Bench.AppLoad;
using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Tests;

/// <summary>The `app-load` verb through the bench's command line at a tiny size: its three phases, and what it leaves (nothing).</summary>
[Collection(BenchCollection.Name)]
public sealed class AppLoadBenchmarkTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task App_load_prints_the_application_idle_and_during_runs_with_pacing_off_and_on_and_leaves_nothing()
    {
        var (exitCode, stdout, stderr) = await CommandLineRun.RunAsync((output, error) => BenchCommandLine.RunAsync(
            ["app-load", "--sessions", "600", "--batch-size", "100", "--connections", "2", "--rate", "50", "--idle-seconds", "1",
            "--target-batch-ms", "100", "--ConnectionStrings:appdb", fixture.ServerConnectionString,
            "--ConnectionStrings:messaging", fixture.MessagingConnectionString], output, error));

        Assert.True(exitCode == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches(
            @"^sessions 600, 2 application connections sharing 50 operations/s, .* SQL floor \d+ ms; "
            + @"load average [\d.]+ before, [\d.]+ after$", lines[0]);
        Assert.Equal(AppLoadBenchmark.Header, lines[1]);
        Assert.Equal(6, lines.Length);
        const string app = @"[1-9]\d* \| \d+\.\d \| \d+\.\d \| \d+\.\d\d";
        Assert.Matches($@"^\| idle \| {app} \| – \| – \| – \| – \|$", lines[3]);
        // The application keeps to its arrival rate, however fast the database answers: never ahead of 50 requests a second.
        Assert.InRange(int.Parse(lines[3].Split('|')[2], CultureInfo.InvariantCulture), 1, 52);
        // Fixed batches of 100 make exactly 6; adaptive ones are sized by the measured time per session.
        Assert.Matches($@"^\| run, pacing off \| {app} \| \d+ \| \d+\.\d\d \| 6 \| 0\.0 \|$", lines[4]);
        Assert.Matches($@"^\| run, pacing on \| {app} \| \d+ \| \d+\.\d\d \| [1-9]\d* \| \d+\.\d \|$", lines[5]);
        await using var server = new NpgsqlConnection(fixture.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'bench\\_%'"));
        Assert.DoesNotContain(await fixture.Broker.ListQueuesAsync(), queue => queue.StartsWith("bench-", StringComparison.Ordinal));
    }
}
