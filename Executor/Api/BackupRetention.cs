using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using AspireMigration.Executor.Steps;

namespace AspireMigration.Executor.Api;

/// <summary>Drops a run's backup table, but only for a finished run whose retention period has passed.</summary>
public sealed class BackupRetention(NpgsqlDataSource dataSource, IOptions<ExecutorOptions> options, TimeProvider clock)
{
    /// <summary>Found: whether the run has a backup; Refusal: why it was not dropped, null once dropped.</summary>
    public async Task<(bool Found, string? Refusal)> DropAsync(Guid runId, string requestedBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var backup = await connection.QuerySingleOrDefaultAsync<(DateTime? DroppedAt, DateTime? FinishedAt)?>(new CommandDefinition("""
            SELECT b.dropped_at, r.finished_at FROM backfill.run_backups b
            LEFT JOIN backfill.runs r ON r.run_id = b.run_id
            WHERE b.run_id = @runId FOR UPDATE OF b
            """, new { runId }, transaction, cancellationToken: cancellationToken));
        if (backup is null)
        {
            return (false, null);
        }
        if (backup.Value.DroppedAt is not null)
        {
            return (true, $"The backup was already dropped at {backup.Value.DroppedAt:O}.");
        }
        if (backup.Value.FinishedAt is not { } finishedAt)
        {
            return (true, "The run has not finished; its backup is what a rollback restores from.");
        }
        var keptUntil = new DateTimeOffset(DateTime.SpecifyKind(finishedAt, DateTimeKind.Utc)) + options.Value.BackupRetention;
        if (clock.GetUtcNow() < keptUntil)
        {
            return (true, $"The backup is kept until {keptUntil:O} ({ExecutorOptions.Section}:BackupRetention).");
        }

        await connection.ExecuteAsync(new CommandDefinition($"""
            DROP TABLE IF EXISTS {BackupTable.QualifiedFor(runId)};
            UPDATE backfill.run_backups SET dropped_at = now(), dropped_by = @requestedBy WHERE run_id = @runId;
            INSERT INTO backfill.run_audit_events (run_id, actor, action, details)
            VALUES (@runId, @requestedBy, 'backup_dropped', jsonb_build_object('table', @table::text));
            """, new { runId, requestedBy, table = BackupTable.NameFor(runId) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (true, null);
    }
}
