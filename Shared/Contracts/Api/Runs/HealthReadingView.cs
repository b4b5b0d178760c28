namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>The run's last reading of the target database's health, taken before a dispatch.</summary>
public sealed record HealthReadingView(IReadOnlyList<HealthIndicatorView> Indicators, DateTimeOffset ReadAt);
