namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <param name="AcknowledgeRisks">Must be true to approve a plan that lists risks.</param>
public sealed record ApprovalRequest(bool AcknowledgeRisks = false);
