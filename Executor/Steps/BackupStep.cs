using System.Data;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Copies the full rows of the run's included sessions into backfill."sessions_backup_&lt;run&gt;" and
/// counts the orphans, recording those outside the run, in the same snapshot (repeatable read), so
/// validation can compare against both.
/// </summary>
public sealed class BackupStep(NpgsqlDataSource dataSource)
{
    public async Task<BackupCompleted> RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var backup = await CreateAsync(connection, transaction, runId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return backup;
    }

    internal static async Task<BackupCompleted> CreateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, CancellationToken cancellationToken)
    {
        // A redelivered command finds the backup it already made.
        var existing = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT row_count FROM backfill.run_backups WHERE run_id = @runId", new { runId }, transaction, cancellationToken: cancellationToken));
        if (existing is not null)
        {
            return new BackupCompleted(runId, BackupTable.NameFor(runId), existing.Value);
        }

        var table = BackupTable.QualifiedFor(runId);
        // CREATE TABLE AS takes no bind parameters; the run id is a Guid, formatted, never text from outside.
        // Statistics now, not whenever autovacuum comes by: validation and rollback join the backup.
        await connection.ExecuteAsync(new CommandDefinition($"""
            CREATE TABLE {table} AS
                SELECT s.* FROM sessions s
                JOIN backfill.run_items i ON i.session_id = s.id
                WHERE i.run_id = '{runId:D}'::uuid AND i.included;
            ALTER TABLE {table} ADD PRIMARY KEY (id);
            ANALYZE {table};
            """, transaction: transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            WITH counted AS (SELECT count(*) AS n, count(*) FILTER (WHERE project_id IS NULL) AS orphans FROM {table}),
                 registered AS (
                     INSERT INTO backfill.run_backups (run_id, table_name, row_count)
                     SELECT @runId, @name, n FROM counted),
                 outside AS (
                     INSERT INTO backfill.run_outside_orphans (run_id, session_id)
                     SELECT @runId, s.id FROM sessions s
                     WHERE s.project_id IS NULL AND NOT EXISTS (SELECT 1 FROM {table} b WHERE b.id = s.id)
                     RETURNING 1),
                 -- Every orphan of the snapshot is either in the backup (taken in the same snapshot) or outside
                 -- the run: no second pass over sessions to count them.
                 orphans AS (
                     UPDATE backfill.runs SET orphans_before = (SELECT orphans FROM counted) + (SELECT count(*) FROM outside)
                     WHERE run_id = @runId)
            SELECT n FROM counted
            """, new { runId, name = BackupTable.NameFor(runId) }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));
        return new BackupCompleted(runId, BackupTable.NameFor(runId), rows);
    }
}
