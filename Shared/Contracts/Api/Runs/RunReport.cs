namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>
/// The JSON run report's shape (and its OpenAPI schema). It is never built whole: the JSON writer
/// streams it member by member, with these names.
/// </summary>
public sealed record RunReport(RunView Run, IReadOnlyDictionary<string, int> Outcomes, IReadOnlyList<ReportSession> Sessions);
