namespace AspireMigration.Analyzer.Scoring;

/// <summary>What one scoring pass wrote, by (type, confidence), and whether the sentinel project exists in the same snapshot.</summary>
public sealed record ScoringOutcome(IReadOnlyList<ScoredGroup> Groups, bool SentinelExists);
