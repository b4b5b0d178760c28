namespace AspireMigration.Executor.Api;

public sealed record RunReport(RunView Run, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyList<ReportSession> Sessions);
