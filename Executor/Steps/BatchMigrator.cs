using System.Diagnostics;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Migrates one batch in one transaction, compare-and-set: only sessions whose project_id is still
/// NULL change, the others are skipped_changed. The ledger row inserted in the same transaction makes
/// a redelivered batch, or the same batch on two replicas at once, change nothing twice.
/// </summary>
public sealed class BatchMigrator(NpgsqlDataSource dataSource)
{
    // The batch's sessions are found through their primary key (ANY of the batch's ids) and each target
    // through the run_items key. Joined to the batch's items instead, the plan depends on how fresh the
    // statistics are, and may hash-join a sequential scan of the whole sessions table once per batch.
    private const string MigrateSql = """
        WITH changed AS (
            UPDATE sessions s
            SET project_id = (SELECT i.target_project_id FROM backfill.run_items i WHERE i.run_id = @runId AND i.session_id = s.id)
            WHERE s.id = ANY (ARRAY(SELECT session_id FROM backfill.run_items WHERE run_id = @runId AND batch_number = @batchNumber AND included))
              AND s.project_id IS NULL
            RETURNING s.id
        ), marked AS (
            UPDATE backfill.run_items i
            SET outcome = CASE WHEN i.session_id IN (SELECT id FROM changed) THEN 'migrated' ELSE 'skipped_changed' END
            WHERE i.run_id = @runId AND i.batch_number = @batchNumber AND i.included
            RETURNING i.outcome
        )
        SELECT count(*) FILTER (WHERE outcome = 'migrated')::int, count(*) FILTER (WHERE outcome = 'skipped_changed')::int FROM marked
        """;

    /// <summary>Null when the run no longer migrates (rolling back or finished): the batch is dropped, not applied.</summary>
    public async Task<BatchCompleted?> RunAsync(Guid runId, int batchNumber, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await MigrateAsync(connection, transaction, runId, batchNumber, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    internal static async Task<BatchCompleted?> MigrateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, int batchNumber,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var parameters = new { runId, batchNumber, processedBy = Environment.MachineName + "/" + Environment.ProcessId };

        // FOR SHARE lets batches run side by side but makes rollback's phase change wait for them.
        var phase = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT phase FROM backfill.runs WHERE run_id = @runId FOR SHARE", parameters, transaction, cancellationToken: cancellationToken));
        if (phase != RunPhase.Migrating)
        {
            return null;
        }

        var claimed = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO backfill.run_batches (run_id, batch_number, migrated, skipped_changed, duration_ms, processed_by)
            VALUES (@runId, @batchNumber, 0, 0, 0, @processedBy)
            ON CONFLICT (run_id, batch_number) DO NOTHING
            """, parameters, transaction, cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            var done = await connection.QuerySingleAsync<(int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy)>(new CommandDefinition(
                "SELECT migrated, skipped_changed, duration_ms, processed_by FROM backfill.run_batches WHERE run_id = @runId AND batch_number = @batchNumber",
                parameters, transaction, cancellationToken: cancellationToken));
            return new BatchCompleted(runId, batchNumber, done.Migrated, done.SkippedChanged, done.DurationMs, done.ProcessedBy, Redelivered: true);
        }

        var (migrated, skippedChanged) = await MigrateItemsAsync(connection, transaction, runId, batchNumber, cancellationToken);
        var durationMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE backfill.run_batches SET migrated = @migrated, skipped_changed = @skippedChanged, duration_ms = @durationMs
            WHERE run_id = @runId AND batch_number = @batchNumber
            """, new { runId, batchNumber, migrated, skippedChanged, durationMs }, transaction, cancellationToken: cancellationToken));
        return new BatchCompleted(runId, batchNumber, migrated, skippedChanged, durationMs, parameters.processedBy, Redelivered: false);
    }

    /// <summary>
    /// Prepared: a pooled connection keeps the statement, so the batches after the first skip planning
    /// the three-table statement, a noticeable share of a 1,000-row batch.
    /// </summary>
    private static async Task<(int Migrated, int SkippedChanged)> MigrateItemsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId,
        int batchNumber, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(MigrateSql, connection, transaction);
        command.Parameters.AddWithValue("runId", runId);
        command.Parameters.AddWithValue("batchNumber", batchNumber);
        await command.PrepareAsync(cancellationToken);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt32(0), reader.GetInt32(1));
    }
}
