namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <param name="Reason">Why the approval is withdrawn; required, kept in the approval's audit.</param>
public sealed record WithdrawApprovalRequest(string? Reason);
