namespace AspireMigration.Analyzer.Api;

/// <summary>
/// One session of <see cref="PlanReport"/>: the product contract's report fields, fixed by that contract, which is
/// why it is not the API's PlanItem (that one also carries the session's update time and the approver's decision).
/// </summary>
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
