using System.Threading.Channels;

namespace AspireMigration.Analyzer.Analysis;

/// <summary>
/// Overlaps producing batches (reading and scoring on one connection) with consuming them (COPY on
/// another). The channel holds at most <see cref="Capacity"/> batches, so memory stays bounded
/// whatever the number of sessions; a failure on either side stops the other.
/// </summary>
public static class BatchPipeline
{
    public const int Capacity = 2;

    public static async Task RunAsync<T>(
        IAsyncEnumerable<T[]> batches, Func<T[], CancellationToken, Task> consume, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(Capacity) { SingleReader = true, SingleWriter = true });
        var consuming = ConsumeAsync(channel.Reader, consume, stop);
        try
        {
            await foreach (var batch in batches.WithCancellation(stop.Token))
            {
                await channel.Writer.WriteAsync(batch, stop.Token);
            }
            channel.Writer.Complete();
        }
        catch
        {
            await stop.CancelAsync();
            channel.Writer.TryComplete();
            try
            {
                await consuming;
            }
            catch (OperationCanceledException)
            {
                // The consumer stopped because the producer failed; the producer's exception follows.
            }
            // A consumer failure other than cancellation escapes above: it caused the producer's cancellation.
            throw;
        }
        await consuming;
    }

    private static async Task ConsumeAsync<T>(
        ChannelReader<T[]> reader, Func<T[], CancellationToken, Task> consume, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var batch in reader.ReadAllAsync(stop.Token))
            {
                await consume(batch, stop.Token);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }
}
