using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Migrates one batch in one transaction, compare-and-set: only sessions whose project_id is still
/// NULL change, the others are skipped_changed. The ledger row inserted in the same transaction makes
/// a redelivered batch, or the same batch on two replicas at once, change nothing twice. A batch is the
/// range of item ordinals its command names, as the saga recorded it when it dispatched the batch.
/// </summary>
public sealed class BatchMigrator(NpgsqlDataSource dataSource)
{
    // FOR SHARE lets batches run side by side but makes rollback's phase change wait for them; a run
    // that no longer migrates claims nothing. The claim's time starts the batch's duration, and its count of
    // session rows changed is the baseline of OutsideSql: the backend's statistics are flushed only between
    // transactions, and not after every one, so they may still hold an earlier transaction's rows.
    private const string ClaimSql = $"""
        INSERT INTO backfill.run_batches (run_id, batch_number, first_ordinal, last_ordinal, migrated, skipped_changed, duration_ms,
            processed_by)
        SELECT r.run_id, @batchNumber, @firstOrdinal, @lastOrdinal, 0, 0, 0, @processedBy FROM backfill.runs r
        WHERE r.run_id = @runId AND r.phase = '{RunPhase.Migrating}'
        FOR SHARE
        ON CONFLICT (run_id, batch_number) DO NOTHING
        RETURNING clock_timestamp(),
            (SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables WHERE relid = 'sessions'::regclass)
        """;

    // The batch's sessions are found through their primary key (ANY of the batch's ids) and each target
    // through the run_items key. Joined to the batch's items instead, the plan depends on how fresh the
    // statistics are, and may hash-join a sequential scan of the whole sessions table once per batch.
    // The ledger row takes the counts in the same statement: one round trip for the whole batch.
    private const string MigrateSql = $"""
        WITH changed AS (
            UPDATE sessions s
            SET project_id = (SELECT i.target_project_id FROM backfill.run_items i WHERE i.run_id = @runId AND i.session_id = s.id)
            WHERE s.id = ANY (ARRAY(SELECT session_id FROM backfill.run_items WHERE run_id = @runId
                AND ordinal BETWEEN @firstOrdinal AND @lastOrdinal AND included))
              AND s.project_id IS NULL
            RETURNING s.id
        ), marked AS (
            UPDATE backfill.run_items i
            SET outcome = CASE WHEN i.session_id IN (SELECT id FROM changed) THEN '{ItemOutcomes.Migrated}'
                ELSE '{ItemOutcomes.SkippedChanged}' END,
                batch_number = @batchNumber
            WHERE i.run_id = @runId AND i.ordinal BETWEEN @firstOrdinal AND @lastOrdinal AND i.included
            RETURNING i.outcome
        ), counted AS (
            SELECT count(*) FILTER (WHERE outcome = '{ItemOutcomes.Migrated}')::int AS migrated,
                count(*) FILTER (WHERE outcome = '{ItemOutcomes.SkippedChanged}')::int AS skipped_changed
            FROM marked
        )
        UPDATE backfill.run_batches b
        SET migrated = c.migrated, skipped_changed = c.skipped_changed,
            duration_ms = extract(epoch FROM clock_timestamp() - @claimedAt) * 1000
        FROM counted c
        WHERE b.run_id = @runId AND b.batch_number = @batchNumber
        RETURNING b.migrated, b.skipped_changed, b.duration_ms
        """;

    // Runs after the migrate statement has ended, when its AFTER triggers have fired: every session row the
    // transaction inserted, updated or deleted beyond the ones it migrated was changed outside the run.
    private const string OutsideSql = """
        UPDATE backfill.run_batches
        SET sessions_changed_outside = (SELECT n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables
                                        WHERE relid = 'sessions'::regclass) - @baseline - migrated
        WHERE run_id = @runId AND batch_number = @batchNumber
        RETURNING sessions_changed_outside
        """;

    /// <summary>Null when the run no longer migrates (rolling back or finished): the batch is dropped, not applied.</summary>
    public async Task<BatchCompleted?> RunAsync(MigrateBatch batch, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await MigrateAsync(connection, transaction, batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal static async Task<BatchCompleted?> MigrateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigrateBatch batch, CancellationToken cancellationToken)
    {
        var (runId, batchNumber) = (batch.RunId, batch.BatchNumber);
        var processedBy = BatchProcessor.Current;
        var claim = await QueryPreparedAsync(connection, transaction, ClaimSql,
            r => ((DateTime ClaimedAt, long Baseline)?)(r.GetFieldValue<DateTime>(0), r.GetInt64(1)), cancellationToken,
            new("runId", runId), new("batchNumber", batchNumber), new("firstOrdinal", batch.FirstOrdinal),
            new("lastOrdinal", batch.LastOrdinal), new("processedBy", processedBy));
        if (claim is not var (claimedAt, baseline))
        {
            return await ClaimedBeforeAsync(connection, transaction, runId, batchNumber, cancellationToken);
        }

        var (migrated, skippedChanged, durationMs) = await QueryPreparedAsync(connection, transaction, MigrateSql,
            r => (r.GetInt32(0), r.GetInt32(1), r.GetDouble(2)), cancellationToken,
            new("runId", runId), new("batchNumber", batchNumber), new("firstOrdinal", batch.FirstOrdinal),
            new("lastOrdinal", batch.LastOrdinal), new("claimedAt", claimedAt));
        await QueryPreparedAsync(connection, transaction, OutsideSql, r => r.GetInt32(0), cancellationToken,
            new("runId", runId), new("batchNumber", batchNumber), new("baseline", baseline));
        return new BatchCompleted(runId, batchNumber, migrated, skippedChanged, durationMs, processedBy, Redelivered: false);
    }

    /// <summary>
    /// Nothing claimed: either the ledger holds the batch (a redelivery, or another replica had it) and
    /// its recorded result is reported again, or the run stopped migrating and the batch is dropped.
    /// </summary>
    private static async Task<BatchCompleted?> ClaimedBeforeAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, int batchNumber,
        CancellationToken cancellationToken)
    {
        var done = await connection.QuerySingleOrDefaultAsync<(int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy)?>(
            new CommandDefinition($"""
            SELECT b.migrated, b.skipped_changed, b.duration_ms, b.processed_by
            FROM backfill.run_batches b JOIN backfill.runs r ON r.run_id = b.run_id
            WHERE b.run_id = @runId AND b.batch_number = @batchNumber AND r.phase = '{RunPhase.Migrating}'
            """, new { runId, batchNumber }, transaction, cancellationToken: cancellationToken));
        return done is { } d ? new BatchCompleted(
            runId, batchNumber, d.Migrated, d.SkippedChanged, d.DurationMs, d.ProcessedBy, Redelivered: true) : null;
    }

    /// <summary>
    /// Prepared: a pooled connection keeps the statement, so the batches after the first skip planning
    /// the three-table statement, a noticeable share of a 1,000-row batch. Reads the single row, or default.
    /// </summary>
    private static async Task<T> QueryPreparedAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : default!;
    }
}
