namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// The plan items of one assignment type and one confidence, counted where they were scored: what the plan's
/// counts, risks and confidence metric need, without reading the items back.
/// </summary>
public sealed record ScoredGroup(AssignmentType Type, decimal Confidence, int Items, int StillActive, int TargetNotActive);
