namespace AspireMigration.Executor.Recovery;

/// <summary>
/// A background pass over the runs every <see cref="Interval"/>: a failed pass (the database away, say) is logged and the next
/// tick tries again, since the state it reads is durable and a later pass finds the same work.
/// </summary>
public abstract class PeriodicPass(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What a failed pass was looking for, for the log: "stalled runs".</summary>
    protected abstract string LookingFor { get; }

    protected abstract Task PassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PassAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Looking for {Work} failed; retrying", LookingFor);
            }
        }
    }
}
