using AspireMigration.Analyzer.Scoring;

namespace AspireMigration.Analyzer.Plans;

/// <summary>A plan without its items: what lists, the report header and PlanCreated carry.</summary>
public sealed record PlanSummary(
    Guid PlanId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    AnalysisSettings Settings,
    PlanCounts Summary,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Recommendations,
    double AnalysisDurationMs,
    PlanApproval? Approval = null);
