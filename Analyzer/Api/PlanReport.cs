using AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.Analyzer.Api;

/// <summary>
/// The JSON report's shape (the product contract's), for the OpenAPI document: the report is written
/// field by field so a large plan streams, and the contract test holds that writer to this shape.
/// </summary>
public sealed record PlanReport(
    Guid PlanId,
    DateTimeOffset CreatedAt,
    PlanSettings Settings,
    PlanCounts Summary,
    IReadOnlyList<PlanReportSession> Sessions,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Recommendations);
