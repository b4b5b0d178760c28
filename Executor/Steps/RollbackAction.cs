namespace AspireMigration.Executor.Steps;

/// <summary>What a rollback would do to one migrated session, as the preview says it.</summary>
public static class RollbackAction
{
    /// <summary>The session still holds what the run wrote: the backup's value goes back.</summary>
    public const string Restore = "restore";

    /// <summary>The session holds its backup value again already.</summary>
    public const string AlreadyOriginal = "already_original";

    /// <summary>Someone changed the session since the run wrote it: left alone unless forced.</summary>
    public const string Conflict = "conflict";
}
