namespace AspireMigration.Analyzer.Scoring;

/// <summary>The scoring outcome for one orphan session: one plan item.</summary>
public sealed record ScoredSession(
    SessionEvidence Evidence,
    AssignmentType Type,
    Guid? TargetProjectId,
    Guid? SuggestedProjectId,
    decimal Confidence,
    string Reasoning,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The top project exists but is not active (only ever set on the demoted confident case).</summary>
    public bool TargetNotActive { get; init; }
}
