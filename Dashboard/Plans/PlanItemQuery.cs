namespace AspireMigration.Dashboard.Plans;

/// <summary>A page of the item grid; every field maps to a whitelisted SQL fragment, never to SQL text.</summary>
public sealed record PlanItemQuery(
    Guid PlanId, int Offset, int Count,
    string? AssignmentType = null, decimal? MinConfidence = null, decimal? MaxConfidence = null, Guid? ProjectId = null,
    PlanItemSort Sort = PlanItemSort.SessionId, bool Descending = false);
