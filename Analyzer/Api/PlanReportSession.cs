namespace AspireMigration.Analyzer.Api;

/// <summary>One session of <see cref="PlanReport"/>.</summary>
public sealed record PlanReportSession(
    Guid SessionId,
    string AssignmentType,
    Guid? TargetProjectId,
    Guid? SuggestedProjectId,
    decimal Confidence,
    int EventsTotal,
    int EvidenceEvents,
    IReadOnlyDictionary<string, int> ProjectDistribution,
    string Reasoning,
    IReadOnlyList<string> Warnings);
