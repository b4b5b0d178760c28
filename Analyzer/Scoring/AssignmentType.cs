namespace AspireMigration.Analyzer.Scoring;

/// <summary>What the analysis proposes for one orphan session.</summary>
public enum AssignmentType
{
    Confident,
    Tentative,
    ManualReview,
    Unassigned,
}
