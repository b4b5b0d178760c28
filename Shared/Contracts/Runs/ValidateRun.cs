namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: check the migrated database against the run's backup and counts.</summary>
public sealed record ValidateRun(Guid RunId, Guid PlanId) : IRunMessage;
