namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>
/// What a rollback would restore and which sessions conflict (changed since the run wrote them): the
/// totals over the whole run, and the sessions of one page in session order.
/// </summary>
public sealed record RollbackPreview(Guid RunId, string? BackupProblem, int WouldRestore, int AlreadyOriginal, int Conflicts,
    int Page, int PageSize, IReadOnlyList<RollbackPreviewRow> Sessions);
