using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Overview;

/// <summary>The newest run, as the Analyzer reads it from the Executor's tables in the shared tool schema.</summary>
public sealed record RunFigures(Guid RunId, string State, bool DryRun, DateTime CreatedAt, DateTime? FinishedAt)
{
    internal static RunFigures From(Generated.RunFigures run) => new(
        Required(run.RunId), Required(run.State), Required(run.DryRun), Required(run.CreatedAt).UtcDateTime, run.FinishedAt?.UtcDateTime);
}
