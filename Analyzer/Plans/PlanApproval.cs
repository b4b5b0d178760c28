namespace AspireMigration.Analyzer.Plans;

public sealed record PlanApproval(string ApprovedBy, DateTimeOffset ApprovedAt, bool RisksAcknowledged);
