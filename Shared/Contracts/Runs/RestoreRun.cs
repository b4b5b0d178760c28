namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// Step command: restore the run's sessions from its backup (automatic or operator rollback).
/// <paramref name="RollbackId"/> names this rollback: delivered again, it reports the recorded outcome.
/// </summary>
public sealed record RestoreRun(Guid RunId, Guid PlanId, string RequestedBy, bool Force, Guid RollbackId) : IRunMessage;
