using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>One database health indicator as last read for the run: tripped when its value is over its threshold.</summary>
public sealed record HealthIndicatorView(string Name, double Value, double Threshold, string Unit, bool Tripped)
{
    internal static HealthIndicatorView From(Generated.HealthIndicatorView indicator) => new(
        Required(indicator.Name), Required(indicator.Value), Required(indicator.Threshold), Required(indicator.Unit),
        Required(indicator.Tripped));
}
