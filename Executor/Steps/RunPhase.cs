namespace AspireMigration.Executor.Steps;

/// <summary>Values of backfill.runs.phase: the fence between batches and rollback.</summary>
public static class RunPhase
{
    public const string Migrating = "migrating";
    public const string RollingBack = "rolling_back";
    public const string Finished = "finished";

    /// <summary>Ends a run's claim: frees the single active-run slot and fences out late batches.</summary>
    public const string FinishSql = $"""
        UPDATE backfill.runs SET active = false, phase = '{Finished}', finished_at = COALESCE(finished_at, now())
        WHERE run_id = @runId
        """;
}
