using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Executor.Steps;

/// <summary>
/// Checks a migrated run against its own backup, so the cost follows the run, not the database:
/// every migrated session holds its target, targets exist (FK), the run's sessions lost exactly as
/// many orphans as it migrated (plus those others changed before their batch, reported as
/// skipped_changed), the batch ledger agrees with the items, and no batch's transaction changed a
/// session outside the run (each batch counts that from its own transaction's statistics, which see
/// what a trigger cascades). The application's own writes are in other transactions: orphans it
/// creates or fixes meanwhile are neither counted nor a reason to roll back.
/// </summary>
public sealed class RunValidator(NpgsqlDataSource dataSource)
{
    /// <summary>Validates and, when it passes, ends the run's claim in the same transaction.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var failures = await ValidateAsync(connection, transaction, runId, cancellationToken);
        if (failures.Count == 0)
        {
            await connection.ExecuteAsync(
                new CommandDefinition(RunPhase.FinishSql, new { runId }, transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return failures;
    }

    internal static async Task<IReadOnlyList<string>> ValidateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId,
        CancellationToken cancellationToken)
    {
        var c = await connection.QuerySingleAsync<Counts>(new CommandDefinition($"""
            SELECT m.NotHoldingTarget, m.DanglingProject, m.Migrated, m.ChangedByOthers, m.OrphansBefore, m.OrphansAfter,
                l.LedgerMigrated, l.ChangedOutside
            FROM (SELECT coalesce(sum(migrated), 0) AS LedgerMigrated, coalesce(sum(sessions_changed_outside), 0) AS ChangedOutside
                  FROM backfill.run_batches WHERE run_id = @runId) l
            CROSS JOIN (
                -- One pass over the run's items, their backup rows (the backup holds only included items)
                -- and their sessions answers every check. The outcome is filtered in the aggregates: the
                -- statistics, taken at pre-flight, have not seen migrated items yet, and a plan sized for a
                -- handful of rows would probe sessions one by one.
                SELECT count(*) FILTER (WHERE i.outcome = '{ItemOutcomes.Migrated}' AND s.project_id IS DISTINCT
                    FROM i.target_project_id) AS NotHoldingTarget,
                       count(*) FILTER (WHERE i.outcome = '{ItemOutcomes.Migrated}' AND s.id IS NOT NULL
                           AND p.id IS NULL) AS DanglingProject,
                       count(*) FILTER (WHERE i.outcome = '{ItemOutcomes.Migrated}') AS Migrated,
                       count(*) FILTER (WHERE i.outcome = '{ItemOutcomes.SkippedChanged}' AND b.id IS NOT NULL
                           AND b.project_id IS NULL) AS ChangedByOthers,
                       count(*) FILTER (WHERE b.id IS NOT NULL AND b.project_id IS NULL) AS OrphansBefore,
                       count(*) FILTER (WHERE b.id IS NOT NULL AND s.id IS NOT NULL AND s.project_id IS NULL) AS OrphansAfter
                FROM backfill.run_items i
                LEFT JOIN {BackupTable.QualifiedFor(runId)} b ON b.id = i.session_id
                LEFT JOIN sessions s ON s.id = i.session_id
                LEFT JOIN projects p ON p.id = s.project_id
                WHERE i.run_id = @runId AND i.included
            ) m
            """, new { runId }, transaction, commandTimeout: SetBasedStatement.TimeoutSeconds, cancellationToken: cancellationToken));

        var failures = new List<string>();
        if (c.NotHoldingTarget > 0)
        {
            failures.Add($"{c.NotHoldingTarget} migrated sessions no longer hold their target project");
        }
        if (c.DanglingProject > 0)
        {
            failures.Add($"{c.DanglingProject} migrated sessions reference a project that does not exist");
        }
        var expectedDrop = c.Migrated + c.ChangedByOthers;
        if (c.OrphansBefore - c.OrphansAfter != expectedDrop)
        {
            failures.Add($"The run's sessions lost {c.OrphansBefore - c.OrphansAfter} orphans, expected {expectedDrop}: " +
                "its sessions changed outside its batches");
        }
        if (c.ChangedOutside != 0)
        {
            failures.Add($"The run's own transactions changed {c.ChangedOutside} sessions outside the run (a trigger on sessions?)");
        }
        if (c.LedgerMigrated != c.Migrated)
        {
            failures.Add($"The batch ledger counts {c.LedgerMigrated} migrated sessions, the run's items {c.Migrated}");
        }
        return failures;
    }

    private sealed record Counts(
        long NotHoldingTarget, long DanglingProject, long Migrated, long ChangedByOthers, long OrphansBefore, long OrphansAfter,
        long LedgerMigrated, long ChangedOutside);
}
