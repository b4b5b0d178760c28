using Npgsql;

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

    /// <summary>Whether a claim was refused because another run holds the single active-run slot (the partial unique index).</summary>
    public static bool IsTakenByAnotherRun(PostgresException e) =>
        e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "runs_single_active";
}
