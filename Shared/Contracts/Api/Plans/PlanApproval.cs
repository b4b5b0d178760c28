namespace AspireMigration.Shared.Contracts.Api.Plans;

public sealed record PlanApproval(string ApprovedBy, DateTimeOffset ApprovedAt, bool RisksAcknowledged);
