using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>One approval of a plan as recorded, in force or withdrawn (who, when, why).</summary>
public sealed record ApprovalRecord(
    string ApprovedBy, DateTimeOffset ApprovedAt, bool InForce, string? WithdrawnBy, DateTimeOffset? WithdrawnAt, string? WithdrawReason)
{
    internal static ApprovalRecord From(Generated.ApprovalRecord approval) => new(
        Required(approval.ApprovedBy), Required(approval.ApprovedAt), Required(approval.InForce), approval.WithdrawnBy,
        approval.WithdrawnAt, approval.WithdrawReason);
}
