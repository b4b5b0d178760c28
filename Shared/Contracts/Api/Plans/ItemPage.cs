namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>One page of a plan's items in the order and filter asked for, with the plan's approvals oldest first.</summary>
public sealed record ItemPage(
    PlanSummary Plan, IReadOnlyList<ApprovalRecord> Approvals, int Page, int PageSize, string? Type, long TotalItems,
    IReadOnlyList<PlanItem> Items);
