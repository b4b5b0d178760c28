namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>One page (from 1) of a plan's items, filtered and sorted by the Analyzer in PostgreSQL.</summary>
/// <param name="Type">An assignment type in the API's words: confident, tentative, manual_review or unassigned.</param>
/// <param name="ProjectId">Items whose target or suggested project this is.</param>
/// <param name="Sort">The API's name of the order: SessionId, Confidence, AssignmentType or EvidenceEvents.</param>
public sealed record PlanItemQuery(
    int? Page = null, int? PageSize = null, string? Type = null, Guid? ProjectId = null, string? Sort = null, bool? Descending = null);
