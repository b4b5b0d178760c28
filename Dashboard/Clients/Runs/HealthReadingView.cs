using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>The run's last reading of the target database's health, taken before a dispatch.</summary>
public sealed record HealthReadingView(IReadOnlyList<HealthIndicatorView> Indicators, DateTimeOffset ReadAt)
{
    internal static HealthReadingView From(Generated.HealthReadingView reading) =>
        new(Required(reading.Indicators).Select(HealthIndicatorView.From).ToList(), Required(reading.ReadAt));
}
