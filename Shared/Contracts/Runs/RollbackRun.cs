namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Restores the run's sessions from its backup. Force also restores rows changed since the run wrote them.</summary>
public sealed record RollbackRun(Guid RunId, string RequestedBy, bool Force = false) : IRunRequest;
