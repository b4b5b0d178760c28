using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>Starts a run; without <paramref name="Pacing"/> its batches are a fixed BatchSize, dispatched at once, at any time.</summary>
public sealed record StartRunRequest(Guid PlanId, bool SkipLowConfidence = false, int? BatchSize = null, bool DryRun = false,
    RunPacing? Pacing = null);
