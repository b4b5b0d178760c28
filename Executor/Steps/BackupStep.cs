using System.Data;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Copies the full rows of the run's included sessions into backfill."sessions_backup_&lt;run&gt;" and
/// counts the database's orphans in the same snapshot (repeatable read). The backup is all validation
/// and rollback need: what it writes grows with the run, never with the rest of the database.
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

    internal static async Task<BackupCompleted> CreateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, CancellationToken cancellationToken)
    {
        // A redelivered command finds the backup it already made.
        var existing = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT row_count FROM backfill.run_backups WHERE run_id = @runId", new { runId }, transaction,
            cancellationToken: cancellationToken));
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
            WITH counted AS (SELECT count(*) AS n FROM {table}),
                 registered AS (
                     INSERT INTO backfill.run_backups (run_id, table_name, row_count)
                     SELECT @runId, @name, n FROM counted),
                 -- A figure for the report and the orphans-rebound alert, read off the project_id index; not
                 -- a validation input, so the orphans the application creates or fixes meanwhile never fail a run.
                 orphans AS (
                     UPDATE backfill.runs SET orphans_before = (SELECT count(*) FROM sessions WHERE project_id IS NULL)
                     WHERE run_id = @runId)
            SELECT n FROM counted
            """, new { runId, name = BackupTable.NameFor(runId) }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds,
                cancellationToken: cancellationToken));
        return new BackupCompleted(runId, BackupTable.NameFor(runId), rows);
    }
}
