namespace AspireMigration.Executor.Saga;

/// <summary>
/// When an operator may retry a failed run: a batch exhausted its retries after the backup was taken, and no rollback
/// ran or failed since. A run that failed before its backup (pre-flight, backup) or after its last batch (validation), or
/// whose rollback failed, is not retried: it is rolled back, or started again as a new run.
/// </summary>
public static class RunRetry
{
    public static bool Allows(MigrationRunState s) =>
        s.CurrentState == nameof(MigrationRunStateMachine.Failed) && !s.DryRun && s.BackupTable is not null
        && s.RollbackError is null && !MigrationRunStateMachine.AllBatchesDone(s);
}
