using AspireMigration.Bench.Execution;
using AspireMigration.TestSupport;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Tests;

/// <summary>The `run` verb end to end on a small scratch database: what it prints and what it leaves behind.</summary>
[Collection(BenchCollection.Name)]
public sealed class ExecutorBenchmarkTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Bench_prints_every_trial_and_the_medians_and_leaves_no_database_or_queue_behind()
    {
        var (exitCode, printed) = await BenchAsync("--sessions", "1500", "--batch-size", "500", "--trials", "2", "--report", "json,csv,md");

        Assert.Equal(0, exitCode);
        Assert.Contains("Trial 1 of 2: sessions 1500, batch size 500, batches 3, migrated 1500", printed, StringComparison.Ordinal);
        Assert.Contains("Trial 2 of 2: sessions 1500, batch size 500, batches 3, migrated 1500", printed, StringComparison.Ordinal);
        Assert.Equal(2, printed.Split("Bus rollback (RollbackRun -> RolledBack)").Length - 1);
        Assert.Matches(@"Median of 2 trials: bus run \d+\.\dx the floor, bus rollback \d+\.\dx the floor, batch p99 \d+\.\d ms", printed);
        Assert.Matches(@"\(bench, in-process Executor\): 3 batches in the last trial, peak memory \d+ MB", printed);
        foreach (var format in new[] { "json", "csv", "md" })
        {
            Assert.Matches($@"Report {format}: \d+\.\d MB in \d+ ms, peak memory during the download \d+ MB", printed);
        }
        // The bench's endpoints are temporary: the broker deleted its queues when it stopped.
        await AssertNothingLeftAsync("bench-");
    }

    [Theory]
    [InlineData(false, "100")]
    // Under adaptive pacing each batch's size is decided when it is dispatched: how many there are depends on their timing.
    [InlineData(true, @"\d+")]
    public async Task Chaos_bench_kills_the_Executor_twice_and_the_run_completes_with_every_batch_once_leaving_no_database_or_queue(
        bool adaptive, string batches)
    {
        string[] options = ["--chaos", "2", "--sessions", "2000", "--batch-size", "20", "--timeout", "75"];
        var (exitCode, printed) = await BenchAsync(adaptive ? [.. options, "--adaptive", "true"] : options);

        Assert.True(exitCode == 0, printed);
        Assert.Matches(@"(?m)^2 kills, run Completed, every batch exactly once: 2000 sessions in " + batches + @" batches, "
            + @"wall time \d+\.\d s, \d+ commands re-sent by the reconciler, \d+ batches redelivered \(seed -?\d+\)\r?$", printed);
        Assert.Equal(2, printed.Split("Kill ").Length - 1);
        // Durable queues survive the kills; the bench deletes them by name at the end.
        await AssertNothingLeftAsync("chaos-");
    }

    [Theory]
    [InlineData("--trials", "0", "--trials counts measured runs")]
    [InlineData("--replicas", "0", "--replicas counts Executor processes")]
    public async Task Bench_refuses_a_count_below_one_before_it_touches_anything(string option, string value, string reason)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => ExecutorBenchmark.RunAsync([option, value], TextWriter.Null));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Printed)> BenchAsync(params string[] options)
    {
        using var output = new StringWriter();
        var exitCode = await ExecutorBenchmark.RunAsync(
        [
            .. options,
            "--ConnectionStrings:appdb", infrastructure.ServerConnectionString,
            "--ConnectionStrings:messaging", infrastructure.MessagingConnectionString,
        ], output);
        return (exitCode, output.ToString());
    }

    private async Task AssertNothingLeftAsync(string queuePrefix)
    {
        await using var server = new NpgsqlConnection(infrastructure.ServerConnectionString);
        Assert.Equal(0L, await server.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_database WHERE datname LIKE 'bench\\_%'"));
        Assert.DoesNotContain(
            await infrastructure.Broker.ListQueuesAsync(), queue => queue.StartsWith(queuePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(
            await infrastructure.Broker.ListExchangesAsync(), exchange => exchange.StartsWith(queuePrefix, StringComparison.Ordinal));
    }
}
