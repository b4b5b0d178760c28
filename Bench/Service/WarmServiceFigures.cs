namespace AspireMigration.Bench.Service;

/// <summary>Each trial's seed analysis on a warm Analyzer: as stored in the plan, as an HTTP caller waited, and by the CLI process.</summary>
public sealed record WarmServiceFigures(IReadOnlyList<double> StoredMs, IReadOnlyList<double> CallerMs, IReadOnlyList<double> CliMs);
