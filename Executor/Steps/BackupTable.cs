namespace AspireMigration.Executor.Steps;

/// <summary>
/// The name of a run's backup table. It is built only from a Guid formatted as 32 hex digits, so no
/// input ever reaches the identifier, and it is always quoted.
/// </summary>
public static class BackupTable
{
    public static string NameFor(Guid runId) => $"sessions_backup_{runId:N}";

    public static string QualifiedFor(Guid runId) => $"backfill.\"{NameFor(runId)}\"";
}
