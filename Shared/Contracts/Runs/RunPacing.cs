namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// How a run paces itself. Fixed batches (the run's BatchSize) unless <see cref="Adaptive"/>: then each next batch is sized
/// from the measured time per session so that a batch takes about <see cref="TargetBatchMs"/>, between the two bounds.
/// Before each dispatch the run also waits for <see cref="StartAt"/>, for one of its <see cref="Windows"/> (none: any time),
/// for the database's health and under <see cref="MaxRate"/> sessions per second (null: no cap).
/// </summary>
public sealed record RunPacing(
    bool Adaptive = false,
    int TargetBatchMs = RunPacing.DefaultTargetBatchMs,
    int MinBatch = RunPacing.DefaultMinBatch,
    int MaxBatch = RunPacing.DefaultMaxBatch,
    double? MaxRate = null,
    IReadOnlyList<MaintenanceWindow>? Windows = null,
    DateTimeOffset? StartAt = null)
{
    public const int DefaultTargetBatchMs = 250;
    public const int DefaultMinBatch = 100;
    public const int DefaultMaxBatch = 10_000;

    /// <summary>The largest batch any setting may ask for.</summary>
    public const int MaxBatchSize = 100_000;

    public static readonly RunPacing Fixed = new();
}
