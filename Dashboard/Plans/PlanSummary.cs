namespace AspireMigration.Dashboard.Plans;

public sealed record PlanSummary(
    Guid Id, DateTime CreatedAt, string CreatedBy,
    int Total, int Confident, int Tentative, int ManualReview, int Unassigned,
    string? ApprovedBy, DateTime? ApprovedAt)
{
    public bool IsApproved => ApprovedBy is not null;
}
