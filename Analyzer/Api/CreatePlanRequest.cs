namespace AspireMigration.Analyzer.Api;

/// <summary>Optional overrides of the configured scoring settings for one analysis.</summary>
public sealed record CreatePlanRequest(decimal? Prior, decimal? ConfidentThreshold, decimal? TentativeThreshold);
