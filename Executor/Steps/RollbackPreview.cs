namespace AspireMigration.Executor.Steps;

/// <summary>What a rollback would restore and which sessions conflict (changed since the run wrote them).</summary>
public sealed record RollbackPreview(Guid RunId, string? BackupProblem, int WouldRestore, int AlreadyOriginal, int Conflicts, IReadOnlyList<RollbackPreviewRow> Sessions);
