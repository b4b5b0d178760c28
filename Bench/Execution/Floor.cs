namespace AspireMigration.Bench.Execution;

/// <summary>The set-based floor of one trial: backup and update (the run's), restore (the rollback's).</summary>
public sealed record Floor(TimeSpan Backup, TimeSpan Migrate, TimeSpan Restore)
{
    public TimeSpan Run => Backup + Migrate;
}
