namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>The newest operator decision on a plan item.</summary>
public sealed record ItemDecision(string Decision, Guid? TargetProjectId, string DecidedBy, DateTimeOffset DecidedAt);
