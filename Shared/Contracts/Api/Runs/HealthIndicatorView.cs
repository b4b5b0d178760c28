namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>One database health indicator as last read for the run: tripped when its value is over its threshold.</summary>
public sealed record HealthIndicatorView(string Name, double Value, double Threshold, string Unit, bool Tripped);
