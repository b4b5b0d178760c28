namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>One persisted plan item as the API and the reports read it back.</summary>
public sealed record PlanItem(
    Guid SessionId,
    string AssignmentType,
    Guid? TargetProjectId,
    Guid? SuggestedProjectId,
    decimal Confidence,
    int EventsTotal,
    int EvidenceEvents,
    IReadOnlyDictionary<string, int> ProjectDistribution,
    string Reasoning,
    IReadOnlyList<string> Warnings,
    DateTimeOffset? SessionUpdatedAt,
    ItemDecision? Decision);
