using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>A plan without its items, as the pages show it; <see cref="Approval"/> is the approval in force.</summary>
public sealed record PlanSummary(
    Guid PlanId, DateTimeOffset CreatedAt, string CreatedBy, PlanSettings Settings, PlanCounts Summary, IReadOnlyList<string> Risks,
    IReadOnlyList<string> Recommendations, PlanApproval? Approval = null)
{
    internal static PlanSummary From(Generated.PlanSummary plan) => new(
        Required(plan.PlanId), Required(plan.CreatedAt), Required(plan.CreatedBy), PlanSettings.From(Required(plan.Settings)),
        PlanCounts.From(Required(plan.Summary)), Required(plan.Risks), Required(plan.Recommendations),
        plan.Approval is { } approval ? PlanApproval.From(approval) : null);
}
