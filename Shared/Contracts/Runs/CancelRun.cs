namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Stops a run; whatever it already changed is rolled back.</summary>
public sealed record CancelRun(Guid RunId, string RequestedBy) : IRunRequest;
