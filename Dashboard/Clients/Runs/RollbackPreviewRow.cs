using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>One session of a rollback preview; Action is one of the Executor's rollback words (restore, conflict, …).</summary>
public sealed record RollbackPreviewRow(
    Guid SessionId, Guid? CurrentProjectId, Guid? TargetProjectId, Guid? OriginalProjectId, string Action)
{
    internal static RollbackPreviewRow From(Generated.RollbackPreviewRow row) => new(
        Required(row.SessionId), row.CurrentProjectId, row.TargetProjectId, row.OriginalProjectId, Required(row.Action));
}
