using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>A plan, its approvals oldest first, and one page of its items out of <see cref="TotalItems"/>.</summary>
public sealed record ItemPage(PlanSummary Plan, IReadOnlyList<ApprovalRecord> Approvals, long TotalItems, IReadOnlyList<PlanItem> Items)
{
    internal static ItemPage From(Generated.ItemPage page) => new(
        PlanSummary.From(Required(page.Plan)), Required(page.Approvals).Select(ApprovalRecord.From).ToList(), Required(page.TotalItems),
        Required(page.Items).Select(PlanItem.From).ToList());
}
