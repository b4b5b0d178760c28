namespace AspireMigration.Shared.Contracts.Plans;

/// <summary>Published by the Analyzer once a plan is persisted; the Dashboard shows it without polling.</summary>
public sealed record PlanCreated(
    Guid PlanId,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    int Total,
    int Confident,
    int Tentative,
    int ManualReview,
    int Unassigned);
