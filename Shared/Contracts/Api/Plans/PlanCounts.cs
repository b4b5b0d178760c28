namespace AspireMigration.Shared.Contracts.Api.Plans;

/// <summary>The report's "summary": items per assignment type.</summary>
public sealed record PlanCounts(int Total, int Confident, int Tentative, int ManualReview, int Unassigned);
