namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: a run ended without validation or rollback releasing it; free the active-run slot.</summary>
public sealed record ReleaseRun(Guid RunId) : IRunMessage;
