using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Restores project_id from the run's backup, only where the session still holds what the run wrote
/// (or already holds its original value); anything else is a conflict, left alone unless forced.
/// The backup's integrity is checked first and the restore verified after, in one transaction.
/// </summary>
public sealed class RollbackStep(NpgsqlDataSource dataSource)
{
    // The run's migrated sessions against their backup and their current value: what the preview shows.
    private static string RestorableSql(Guid runId) => $"""
        SELECT i.session_id AS SessionId, s.project_id AS CurrentProjectId, i.target_project_id AS TargetProjectId,
               b.project_id AS OriginalProjectId,
               CASE WHEN s.project_id IS NOT DISTINCT FROM b.project_id THEN '{RollbackAction.AlreadyOriginal}'
                    WHEN s.project_id IS NOT DISTINCT FROM i.target_project_id THEN '{RollbackAction.Restore}'
                    ELSE '{RollbackAction.Conflict}' END AS Action
        FROM backfill.run_items i
        JOIN {BackupTable.QualifiedFor(runId)} b ON b.id = i.session_id
        JOIN sessions s ON s.id = i.session_id
        WHERE i.run_id = @runId AND i.outcome IN ('{ItemOutcomes.Migrated}', '{ItemOutcomes.Conflict}')
        """;

    public async Task<RollbackOutcome> RunAsync(RestoreRun command, CancellationToken cancellationToken)
    {
        var runId = command.RunId;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Delivered again after it committed: report what it did, the sessions were restored once.
        var done = await connection.QuerySingleOrDefaultAsync<(int Restored, int Conflicts)?>(new CommandDefinition(
            "SELECT restored, conflicts FROM backfill.run_rollbacks WHERE rollback_id = @RollbackId", command,
            cancellationToken: cancellationToken));
        if (done is { } recorded)
        {
            return new RollbackCompleted(runId, recorded.Restored, recorded.Conflicts);
        }
        await RunItemStatistics.RefreshAsync(connection, null, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The fence: waits for batches in flight (they hold the run row FOR SHARE); later ones see the phase and stop.
        // A rollback also claims the single active-run slot: it must not interleave with another run.
        int fenced;
        try
        {
            fenced = await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE backfill.runs SET phase = '{RunPhase.RollingBack}', active = true WHERE run_id = @runId", new { runId },
                transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException e) when (RunPhase.IsTakenByAnotherRun(e))
        {
            return new RollbackRefused(
                runId, command.RollbackId, "Another run is active on this database; roll back once it has finished. Nothing was changed.");
        }
        var failure = fenced == 0 ? $"Run {runId} never passed pre-flight; there is nothing to roll back."
            : await CheckBackupAsync(connection, transaction, runId, cancellationToken);
        if (failure is not null)
        {
            return new RollbackRefused(runId, command.RollbackId, failure);
        }

        // Restores, and verifies what it wrote: RETURNING shows each restored row as stored (after any
        // trigger of the application's), and it must hold the backup's value.
        var unverified = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            WITH run_backup AS MATERIALIZED (
                -- The run's items with their original value, estimated from fresh statistics: joined to
                -- sessions as a whole, the planner hashes both sides. Written like the preview's query, the
                -- condition on the current value (one it cannot estimate) made it probe row by row.
                SELECT i.session_id, i.target_project_id, b.project_id AS original
                FROM backfill.run_items i
                JOIN {BackupTable.QualifiedFor(runId)} b ON b.id = i.session_id
                WHERE i.run_id = @runId AND i.outcome IN ('{ItemOutcomes.Migrated}', '{ItemOutcomes.Conflict}')
            ),
            restored AS (
                UPDATE sessions s SET project_id = r.original
                FROM run_backup r
                WHERE s.id = r.session_id AND s.project_id IS DISTINCT FROM r.original
                  AND (s.project_id IS NOT DISTINCT FROM r.target_project_id OR @force)
                RETURNING s.id, s.project_id
            )
            SELECT count(*) FROM restored x JOIN run_backup r ON r.session_id = x.id WHERE x.project_id IS DISTINCT FROM r.original
            """, new { runId, force = command.Force }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds,
                cancellationToken: cancellationToken));

        // The outcome is read off the sessions as they are now: rolled back when a session holds its original
        // value (restored, or it already did), a conflict when it does not. A forced rollback leaves none.
        var (rolledBack, conflicts) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition($"""
            WITH marked AS (
                UPDATE backfill.run_items i
                SET outcome = CASE WHEN s.project_id IS NOT DISTINCT FROM b.project_id THEN '{ItemOutcomes.RolledBack}'
                    ELSE '{ItemOutcomes.Conflict}' END
                FROM {BackupTable.QualifiedFor(runId)} b
                JOIN sessions s ON s.id = b.id
                WHERE i.run_id = @runId AND i.outcome IN ('{ItemOutcomes.Migrated}', '{ItemOutcomes.Conflict}') AND i.session_id = b.id
                RETURNING i.outcome
            )
            SELECT count(*) FILTER (WHERE outcome = '{ItemOutcomes.RolledBack}')::int,
                count(*) FILTER (WHERE outcome = '{ItemOutcomes.Conflict}')::int FROM marked
            """, new { runId }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        if (unverified > 0 || (command.Force && conflicts > 0))
        {
            // Rolls the transaction back: nothing of a rollback that did not verify stays.
            throw new InvalidOperationException(
                $"Rollback verification failed: {unverified + (command.Force ? conflicts : 0)} restored sessions do not match the backup.");
        }

        await connection.ExecuteAsync(new CommandDefinition($"""
            {RunPhase.FinishSql};
            INSERT INTO backfill.run_rollbacks (rollback_id, run_id, requested_by, forced, restored, conflicts)
            VALUES (@RollbackId, @runId, @RequestedBy, @Force, @rolledBack, @conflicts)
            """, new { runId, command.RollbackId, command.RequestedBy, command.Force, rolledBack, conflicts }, transaction,
                cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new RollbackCompleted(runId, rolledBack, conflicts);
    }

    /// <summary>
    /// What a rollback would do now, without changing anything: the totals over the run and one page
    /// of sessions (page counts from 1), read in one snapshot; with the reason when the backup is unusable.
    /// </summary>
    public async Task<RollbackPreview> PreviewAsync(Guid runId, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var failure = await CheckBackupAsync(connection, transaction, runId, cancellationToken);
        if (failure is not null)
        {
            return new RollbackPreview(runId, failure, 0, 0, 0, page, pageSize, []);
        }
        var (restore, alreadyOriginal, conflicts) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition($"""
            SELECT count(*) FILTER (WHERE action = '{RollbackAction.Restore}')::int,
                   count(*) FILTER (WHERE action = '{RollbackAction.AlreadyOriginal}')::int,
                   count(*) FILTER (WHERE action = '{RollbackAction.Conflict}')::int
            FROM ({RestorableSql(runId)}) preview
            """, new { runId }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        // OFFSET, not a keyset: the dashboard's paginator jumps to any page number, and a page needs no
        // cursor from the one before. A deep page walks the run_items primary key (run_id, session_id) up to
        // its offset, joins included, which is at most the pass the totals above just made.
        var rows = await connection.QueryAsync<RollbackPreviewRow>(new CommandDefinition(
            RestorableSql(runId) + " ORDER BY i.session_id LIMIT @pageSize OFFSET @offset",
            new { runId, pageSize, offset = (long)(page - 1) * pageSize }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds,
            cancellationToken: cancellationToken));
        return new RollbackPreview(runId, null, restore, alreadyOriginal, conflicts, page, pageSize, rows.AsList());
    }

    /// <summary>The backup exists, holds the recorded number of rows, and exactly the run's sessions.</summary>
    private static async Task<string?> CheckBackupAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, CancellationToken cancellationToken)
    {
        var backup = await connection.QuerySingleOrDefaultAsync<(long RowCount, DateTime? DroppedAt)?>(new CommandDefinition(
            "SELECT row_count, dropped_at FROM backfill.run_backups WHERE run_id = @runId", new { runId }, transaction,
            cancellationToken: cancellationToken));
        if (backup is null)
        {
            return $"Run {runId} has no backup.";
        }
        if (backup.Value.DroppedAt is not null)
        {
            return $"The backup of run {runId} was dropped at {backup.Value.DroppedAt:O}.";
        }
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass(@name) IS NOT NULL",
                new { name = BackupTable.QualifiedFor(runId) }, transaction, cancellationToken: cancellationToken)))
        {
            return $"The backup table {BackupTable.QualifiedFor(runId)} does not exist.";
        }
        // One pass: backup rows and included items matched by id (both unique), unmatched ones counted on either side.
        var (rows, foreign, missing) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition($"""
            SELECT count(b.id),
                   count(*) FILTER (WHERE b.id IS NOT NULL AND i.session_id IS NULL),
                   count(*) FILTER (WHERE b.id IS NULL AND i.outcome IN ('{ItemOutcomes.Migrated}', '{ItemOutcomes.Conflict}'))
            FROM {BackupTable.QualifiedFor(runId)} b
            FULL JOIN (SELECT session_id, outcome FROM backfill.run_items WHERE run_id = @runId AND included) i ON i.session_id = b.id
            """, new { runId }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        if (rows != backup.Value.RowCount)
        {
            return $"The backup holds {rows} rows, {backup.Value.RowCount} were recorded when it was made.";
        }
        if (foreign > 0 || missing > 0)
        {
            return $"The backup's ids do not match the run: {foreign} sessions not in the run, {missing} migrated sessions missing.";
        }
        return null;
    }
}
