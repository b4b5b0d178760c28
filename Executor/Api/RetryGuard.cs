using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Api;

/// <summary>
/// Refuses a retry that could only fail, and otherwise takes the run's claim back before the retry is published: the claim
/// is what lets batches in (a batch claims nothing once its run's phase left migrating), and the single-active-run index
/// makes a run started meanwhile win the database.
/// </summary>
public sealed class RetryGuard(NpgsqlDataSource dataSource, RollbackGuard rollbackGuard)
{
    public const string NotRetryable = "Cannot retry this run";
    public const string StillReleasing = "The run is still releasing its claim";

    // Only a claim already given up is taken back: while the failed run's own release is still on its way, it would
    // end the claim again after the retry took it.
    private const string ReclaimSql = $"""
        UPDATE backfill.runs SET active = true, phase = '{RunPhase.Migrating}', finished_at = NULL
        WHERE run_id = @runId AND NOT active
        """;

    public async Task<CommandRefusal?> RefuseOrReclaimAsync(MigrationRunState run, CancellationToken cancellationToken)
    {
        var runId = run.CorrelationId;
        if (!RunRetry.Allows(run))
        {
            return new(NotRetryable, $"Run {runId} is {run.CurrentState}{(run.Reason is null ? "" : $" ({run.Reason})")}; only a run "
                + "a batch failed after its backup, whose rollback neither ran nor failed, can be retried.");
        }
        if (await rollbackGuard.RefuseAsync(runId, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var reclaimed = await connection.ExecuteAsync(
                new CommandDefinition(ReclaimSql, new { runId }, cancellationToken: cancellationToken));
            return reclaimed == 1
                ? null
                : new(StillReleasing, $"Run {runId} failed a moment ago and still holds its claim; try again shortly.");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "runs_single_active")
        {
            return new(RollbackGuard.AnotherRunActive, $"Another run started on this database; retry run {runId} once it has finished.");
        }
    }
}
