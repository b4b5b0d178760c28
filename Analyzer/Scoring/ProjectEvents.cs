namespace AspireMigration.Analyzer.Scoring;

/// <summary>How many evidence events of one orphan session name one project.</summary>
public readonly record struct ProjectEvents(Guid ProjectId, int Events);
