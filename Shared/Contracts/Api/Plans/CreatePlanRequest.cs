namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>Optional overrides of the configured scoring settings for one analysis.</summary>
public sealed record CreatePlanRequest(decimal? Prior = null, decimal? ConfidentThreshold = null, decimal? TentativeThreshold = null);
