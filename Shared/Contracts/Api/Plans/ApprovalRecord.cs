namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>One approval of a plan as recorded, in force or withdrawn (who, when, why).</summary>
public sealed record ApprovalRecord(
    string ApprovedBy, DateTimeOffset ApprovedAt, bool RisksAcknowledged,
    string? WithdrawnBy, DateTimeOffset? WithdrawnAt, string? WithdrawReason)
{
    public bool InForce => WithdrawnAt is null;
}
