using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>The scoring settings a plan was analysed with (decimals in the Analyzer, JSON numbers on the wire).</summary>
public sealed record PlanSettings(decimal Prior, decimal ConfidentThreshold, decimal TentativeThreshold)
{
    internal static PlanSettings From(Generated.PlanSettings settings) => new(
        (decimal)Required(settings.Prior), (decimal)Required(settings.ConfidentThreshold), (decimal)Required(settings.TentativeThreshold));
}
