namespace AspireMigration.Dashboard.Clients;

/// <summary>The Executor's rollback preview: totals over the run, the sessions of one page, or why the backup is unusable.</summary>
public sealed record RollbackPreview(Guid RunId, string? BackupProblem, int WouldRestore, int AlreadyOriginal, int Conflicts,
    int Page, int PageSize, IReadOnlyList<RollbackPreviewRow> Sessions)
{
    public int Total => WouldRestore + AlreadyOriginal + Conflicts;
}
