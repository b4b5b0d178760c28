using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>
/// What a rollback would restore and which sessions conflict: the totals over the whole run, and the sessions of one page;
/// or, in <see cref="BackupProblem"/>, why the run cannot be rolled back.
/// </summary>
public sealed record RollbackPreview(
    string? BackupProblem, int WouldRestore, int AlreadyOriginal, int Conflicts, IReadOnlyList<RollbackPreviewRow> Sessions)
{
    internal static RollbackPreview From(Generated.RollbackPreview preview) => new(
        preview.BackupProblem, Required(preview.WouldRestore), Required(preview.AlreadyOriginal), Required(preview.Conflicts),
        Required(preview.Sessions).Select(RollbackPreviewRow.From).ToList());
}
