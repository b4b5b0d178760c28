namespace AspireMigration.Dashboard.Plans;

/// <summary>One grid row. A class with settable properties because Dapper's constructor matching cannot take text[].</summary>
public sealed class PlanItemRow
{
    public Guid SessionId { get; init; }
    public string AssignmentType { get; init; } = "";
    public Guid? TargetProjectId { get; init; }
    public string? TargetProjectName { get; init; }
    public Guid? SuggestedProjectId { get; init; }
    public string? SuggestedProjectName { get; init; }
    public decimal Confidence { get; init; }
    public int EventsTotal { get; init; }
    public int EvidenceEvents { get; init; }
    public string Reasoning { get; init; } = "";
    public string[] Warnings { get; init; } = [];
    public string? Decision { get; init; }
    public Guid? DecisionTargetId { get; init; }
    public string? DecisionTargetName { get; init; }
}
