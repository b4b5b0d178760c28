namespace AspireMigration.Shared.Contracts.Api.Overview;

/// <summary>The newest run, read from the Executor's tables in the shared tool schema.</summary>
public sealed record RunFigures(Guid RunId, Guid PlanId, string State, bool DryRun, DateTime CreatedAt, DateTime? FinishedAt);
