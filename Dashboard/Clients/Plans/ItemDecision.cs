using AspireMigration.ApiClients;
using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <summary>The newest decision on a plan item: exclude, include or assign (to <see cref="TargetProjectId"/>).</summary>
public sealed record ItemDecision(string Decision, Guid? TargetProjectId)
{
    internal static ItemDecision From(Generated.ItemDecision decision) =>
        new(WireNames.Of(Required(decision.Decision)), decision.TargetProjectId);
}
