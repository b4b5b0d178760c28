namespace AspireMigration.Executor.Api;

public sealed record StartRunRequest(Guid PlanId, bool SkipLowConfidence = false, int? BatchSize = null, bool DryRun = false);
