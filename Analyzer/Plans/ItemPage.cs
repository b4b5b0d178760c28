namespace AspireMigration.Analyzer.Plans;

/// <summary>One page of a plan's items, ordered by session id, with the plan's approvals oldest first.</summary>
public sealed record ItemPage(
    PlanSummary Plan, IReadOnlyList<ApprovalRecord> Approvals, int Page, int PageSize, string? Type, long TotalItems, IReadOnlyList<PlanItem> Items);
