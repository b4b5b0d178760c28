namespace AspireMigration.Shared.Alerts;

/// <param name="Rule">Stable rule name, e.g. "run-failure-rate"; with <paramref name="Subject"/> it identifies the alert.</param>
/// <param name="Subject">What tripped it: a run or plan id, or "database".</param>
public sealed record Alert(string Rule, string Subject, string Message);
