namespace AspireMigration.Bench.Service;

/// <summary>Each trial's seed analysis on a warm Analyzer: as the plan stored it, as an HTTP caller waited, by the CLI process.</summary>
public sealed record WarmServiceFigures(IReadOnlyList<double> StoredMs, IReadOnlyList<double> CallerMs, IReadOnlyList<double> CliMs);
