namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Starts executing an approved plan. BatchSize defaults to 1000 sessions per batch.</summary>
public sealed record StartRun(
    Guid RunId, Guid PlanId, string RequestedBy, bool SkipLowConfidence = false, int BatchSize = StartRun.DefaultBatchSize,
    bool DryRun = false) : IRunMessage
{
    public const int DefaultBatchSize = 1000;
}
