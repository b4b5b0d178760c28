namespace AspireMigration.Dashboard.Plans;

public sealed record PlanDetail(
    PlanSummary Summary, decimal Prior, decimal ConfidentThreshold, decimal TentativeThreshold,
    IReadOnlyList<string> Risks, IReadOnlyList<string> Recommendations, IReadOnlyList<ConfidenceBucket> ConfidenceHistogram,
    IReadOnlyList<WithdrawnApproval> WithdrawnApprovals);
