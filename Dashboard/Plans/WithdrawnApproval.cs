namespace AspireMigration.Dashboard.Plans;

/// <summary>An approval an approver withdrew: who approved and when, who withdrew it, when and why.</summary>
public sealed record WithdrawnApproval(string ApprovedBy, DateTime ApprovedAt, string WithdrawnBy, DateTime WithdrawnAt, string Reason);
