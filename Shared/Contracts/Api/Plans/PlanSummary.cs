namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>A plan without its items: what lists, the report header and PlanCreated carry.</summary>
public sealed record PlanSummary(
    Guid PlanId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    PlanSettings Settings,
    PlanCounts Summary,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Recommendations,
    double AnalysisDurationMs,
    PlanApproval? Approval = null);
