using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>The approval a plan is frozen by.</summary>
public sealed record PlanApproval(string ApprovedBy, DateTimeOffset ApprovedAt)
{
    internal static PlanApproval From(Generated.PlanApproval approval) => new(Required(approval.ApprovedBy), Required(approval.ApprovedAt));
}
