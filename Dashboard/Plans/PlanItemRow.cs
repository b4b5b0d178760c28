namespace AspireMigration.Dashboard.Plans;

public sealed record PlanItemRow(
    Guid SessionId, string AssignmentType, Guid? TargetProjectId, string? TargetProjectName,
    Guid? SuggestedProjectId, string? SuggestedProjectName, decimal Confidence, int EventsTotal, int EvidenceEvents,
    string Reasoning, string[] Warnings, string? Decision, Guid? DecisionTargetId, string? DecisionTargetName);
