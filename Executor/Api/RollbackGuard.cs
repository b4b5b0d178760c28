using AspireMigration.Executor.Steps;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Api;

/// <summary>
/// Refuses an operator's rollback (or retry) up front when it could only fail, so a refusal publishes nothing and
/// leaves the run's state, reason and audit trail as they were. The rollback step still checks all of
/// this (and the backup's rows) itself: this answers the common case before the bus, it does not lock.
/// </summary>
public sealed class RollbackGuard(NpgsqlDataSource dataSource)
{
    public const string AnotherRunActive = "Another run is active";
    public const string BackupUnusable = "The run's backup is unusable";

    public async Task<CommandRefusal?> RefuseAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var backup = await connection.QuerySingleAsync<BackupState>(new CommandDefinition("""
            SELECT (SELECT run_id FROM backfill.runs WHERE active AND run_id <> @runId LIMIT 1) AS OtherActiveRun,
                   b.run_id IS NOT NULL AS Registered, b.dropped_at AS DroppedAt, to_regclass(@table) IS NOT NULL AS TableExists
            FROM (VALUES (1)) AS one (x)
            LEFT JOIN backfill.run_backups b ON b.run_id = @runId
            """, new { runId, table = BackupTable.QualifiedFor(runId) }, cancellationToken: cancellationToken));
        return backup switch
        {
            { OtherActiveRun: { } other } => new(AnotherRunActive,
                $"Run {other} is active on this database; try run {runId} again once it has finished."),
            { Registered: false } => new(BackupUnusable,
                $"Run {runId} has no backup: it never backed up (it failed before, or was a dry run)."),
            { DroppedAt: { } dropped } => new(BackupUnusable, $"The backup of run {runId} was dropped at {dropped:O}."),
            { TableExists: false } => new(BackupUnusable, $"The backup table {BackupTable.QualifiedFor(runId)} does not exist."),
            _ => null,
        };
    }

    private sealed record BackupState(Guid? OtherActiveRun, bool Registered, DateTime? DroppedAt, bool TableExists);
}
