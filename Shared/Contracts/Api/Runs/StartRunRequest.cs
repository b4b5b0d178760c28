namespace AspireMigration.Shared.Contracts.Api.Runs;

public sealed record StartRunRequest(Guid PlanId, bool SkipLowConfidence = false, int? BatchSize = null, bool DryRun = false);
