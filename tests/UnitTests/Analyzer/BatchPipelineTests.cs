using AspireMigration.Analyzer.Analysis;

namespace AspireMigration.UnitTests.Analyzer;

/// <summary>The producer/consumer pipeline between reading and COPY: order kept, failures surface, nothing hangs.</summary>
public sealed class BatchPipelineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_batch_is_consumed_in_order()
    {
        var consumed = new List<int>();

        await BatchPipeline.RunAsync(
            Batches(10), (batch, _) => { consumed.AddRange(batch); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 30), consumed);
    }

    [Fact]
    public async Task A_failing_consumer_stops_the_producer_with_its_own_exception()
    {
        var failure = new InvalidOperationException("COPY failed");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BatchPipeline.RunAsync(Batches(1000), (_, _) => throw failure, CancellationToken.None).WaitAsync(Patience));

        Assert.Same(failure, thrown);
    }

    [Fact]
    public async Task A_failing_producer_stops_the_consumer_with_its_own_exception()
    {
        var consumed = 0;

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() =>
            BatchPipeline.RunAsync(
                FailingBatches(), async (_, token) => { consumed++; await Task.Delay(1, token); }, CancellationToken.None).WaitAsync(
                Patience));

        Assert.Equal("reader lost", thrown.Message);
        Assert.InRange(consumed, 0, 2);
    }

    private static async IAsyncEnumerable<int[]> Batches(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return [3 * i, 3 * i + 1, 3 * i + 2];
        }
    }

    private static async IAsyncEnumerable<int[]> FailingBatches()
    {
        yield return [1];
        await Task.Yield();
        yield return [2];
        throw new TimeoutException("reader lost");
    }
}
