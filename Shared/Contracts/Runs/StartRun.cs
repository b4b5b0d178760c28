namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// Starts executing an approved plan. BatchSize defaults to 1000 sessions per batch: the fixed size, or the first
/// batch's size when the pacing is adaptive. No pacing: fixed batches, no window, no rate cap.
/// </summary>
public sealed record StartRun(
    Guid RunId, Guid PlanId, string RequestedBy, bool SkipLowConfidence = false, int BatchSize = StartRun.DefaultBatchSize,
    bool DryRun = false, RunPacing? Pacing = null) : IRunRequest
{
    public const int DefaultBatchSize = 1000;
}
