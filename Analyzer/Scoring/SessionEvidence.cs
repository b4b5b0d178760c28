namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// One orphan session as the set-based pass saw it: all its events, and those that name a real
/// project (evidence) grouped per project.
/// </summary>
public sealed record SessionEvidence(
    Guid SessionId,
    DateTimeOffset? SessionUpdatedAt,
    bool StillActive,
    int EventsTotal,
    IReadOnlyList<ProjectEvents> Distribution)
{
    public int EvidenceEvents => Distribution.Sum(d => d.Events);
}
