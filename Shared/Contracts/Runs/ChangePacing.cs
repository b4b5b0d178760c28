namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>An operator's new pacing (and fixed or first batch size, when given) for a run that has not finished migrating.</summary>
public sealed record ChangePacing(Guid RunId, string RequestedBy, RunPacing Pacing, int? BatchSize = null) : IRunRequest;
