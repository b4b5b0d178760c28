namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>Step command: migrate one batch of the run's sessions (compare-and-set, idempotent).</summary>
public sealed record MigrateBatch(Guid RunId, Guid PlanId, int BatchNumber) : IRunMessage;
