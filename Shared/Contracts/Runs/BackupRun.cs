namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: copy the full rows of the run's sessions into the run's backup table.</summary>
public sealed record BackupRun(Guid RunId, Guid PlanId) : IRunMessage;
