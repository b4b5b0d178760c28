namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>The scoring settings a plan was analysed with.</summary>
public sealed record PlanSettings(decimal Prior, decimal ConfidentThreshold, decimal TentativeThreshold);
