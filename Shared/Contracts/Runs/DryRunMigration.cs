namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: backup, every batch (of BatchSize sessions) and validation in one transaction that is rolled back.</summary>
public sealed record DryRunMigration(Guid RunId, Guid PlanId, int BatchSize) : IRunMessage;
