using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Adaptive batch size: a smoothed time per session (EWMA) from each completed batch, and the size that would take the
/// target time at that pace; one step never more than doubles or halves the size, so a single slow or fast batch
/// (a lock wait, a cold cache) cannot swing it, and the result stays within the run's bounds.
/// </summary>
public static class BatchSizer
{
    /// <summary>Weight of the newest batch in the smoothed time per session.</summary>
    public const double Smoothing = 0.5;

    public static double Smooth(double? msPerSession, double measuredMsPerSession) =>
        msPerSession is { } previous ? Smoothing * measuredMsPerSession + (1 - Smoothing) * previous : measuredMsPerSession;

    public static int Next(int current, double msPerSession, RunPacing pacing)
    {
        var wanted = msPerSession <= 0 ? double.MaxValue : pacing.TargetBatchMs / msPerSession;
        var stepped = Math.Clamp(wanted, Math.Max(1, current / 2.0), current * 2.0);
        return Bound((int)Math.Round(stepped), pacing);
    }

    public static int Bound(int size, RunPacing pacing) => Math.Clamp(size, pacing.MinBatch, pacing.MaxBatch);
}
