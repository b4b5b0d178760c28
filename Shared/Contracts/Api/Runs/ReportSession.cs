namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>One session of a run report. In a dry run, outcome "migrated" reads "would be migrated".</summary>
public sealed record ReportSession(
    Guid SessionId, string AssignmentType, Guid? TargetProjectId, bool Included, string? SkipReason, int? BatchNumber, string Outcome);
