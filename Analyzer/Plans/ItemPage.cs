namespace AspireMigration.Analyzer.Plans;

/// <summary>One page of a plan's items, ordered by session id.</summary>
public sealed record ItemPage(PlanSummary Plan, int Page, int PageSize, string? Type, long TotalItems, IReadOnlyList<PlanItem> Items);
