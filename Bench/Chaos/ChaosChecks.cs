using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// What the test suite's RunConsistency holds every fault test to, in SQL, for a run that must have completed:
/// every included session migrated exactly once, the ledger, the counts, the sessions and the audit agreeing,
/// and the active-run claim released.
/// </summary>
public static class ChaosChecks
{
    // The release and the audit follow the final transition as messages of their own.
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(60);

    private static readonly string SettledSql = $"""
        SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE run_id = @runId AND active)
           AND EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE run_id = @runId
               AND action = '{RunAuditActions.State(RunStates.Completed)}')
           AND NOT EXISTS (SELECT 1 FROM backfill.run_batches b WHERE b.run_id = @runId AND NOT EXISTS (
                   SELECT 1 FROM backfill.run_audit_events e
                   WHERE e.run_id = b.run_id AND e.action IN ('{RunAuditActions.BatchCompleted}', '{RunAuditActions.BatchRedelivered}')
                     AND (e.details ->> 'batchNumber')::int = b.batch_number))
        """;

    private static readonly string FiguresSql = $"""
        SELECT (SELECT count(*) FROM backfill.run_batches WHERE run_id = @runId) AS LedgerRows,
               (SELECT count(DISTINCT batch_number) FROM backfill.run_batches WHERE run_id = @runId) AS LedgerBatches,
               (SELECT COALESCE(sum(migrated), 0)::bigint FROM backfill.run_batches WHERE run_id = @runId) AS LedgerMigrated,
               (SELECT COALESCE(sum(skipped_changed), 0)::bigint FROM backfill.run_batches WHERE run_id = @runId) AS LedgerSkippedChanged,
               (SELECT count(*) FROM backfill.run_items WHERE run_id = @runId AND outcome = '{ItemOutcomes.Migrated}') AS ItemsMigrated,
               (SELECT count(*) FROM backfill.run_items i JOIN sessions s ON s.id = i.session_id
                WHERE i.run_id = @runId AND s.project_id = i.target_project_id) AS SessionsOnTarget,
               (SELECT count(*) FROM (
                    SELECT 1 FROM backfill.run_audit_events WHERE run_id = @runId AND action = '{RunAuditActions.BatchCompleted}'
                    GROUP BY details ->> 'batchNumber' HAVING count(*) > 1) twice) AS BatchesCompletedTwice
        """;

    /// <summary>What is wrong with the run, or nothing.</summary>
    public static async Task<IReadOnlyList<string>> FindProblemsAsync(NpgsqlDataSource dataSource, MigrationRunState run)
    {
        if (run.CurrentState != RunStates.Completed)
        {
            return [$"run ended {run.CurrentState}: {run.Reason}"];
        }
        await using var connection = await dataSource.OpenConnectionAsync();
        var parameters = new { runId = run.CorrelationId };
        var problems = new List<string>();
        if (!await SettleAsync(connection, parameters))
        {
            problems.Add($"within {SettleTimeout.TotalSeconds:F0} s the claim was not released, " +
                "or the audit lacks the final state or a batch");
        }
        var f = await connection.QuerySingleAsync<Figures>(FiguresSql, parameters);
        void Expect(bool holds, string problem)
        {
            if (!holds)
            {
                problems.Add(problem);
            }
        }
        Expect(f.LedgerRows == f.LedgerBatches, $"the ledger holds {f.LedgerRows} rows for {f.LedgerBatches} batch numbers");
        Expect(f.LedgerBatches == run.TotalBatches && run.CompletedBatches.Count == run.TotalBatches,
            $"{f.LedgerBatches} batches in the ledger, {run.CompletedBatches.Count} counted by the run, of {run.TotalBatches}");
        Expect(f.LedgerMigrated == run.Migrated && run.Migrated == run.Included,
            $"the ledger migrated {f.LedgerMigrated}, the run counts {run.Migrated}, of {run.Included} included");
        Expect(f.LedgerSkippedChanged == 0 && run.SkippedChanged == 0,
            $"{f.LedgerSkippedChanged} {ItemOutcomes.SkippedChanged}, though nothing else changed the sessions");
        Expect(f.ItemsMigrated == run.Migrated && f.SessionsOnTarget == run.Migrated,
            $"{f.ItemsMigrated} items migrated and {f.SessionsOnTarget} sessions on their target, the run counts {run.Migrated}");
        Expect(f.BatchesCompletedTwice == 0, $"{f.BatchesCompletedTwice} batches have two {RunAuditActions.BatchCompleted} audit events");
        return problems;
    }

    private static async Task<bool> SettleAsync(NpgsqlConnection connection, object parameters)
    {
        using var timeout = new CancellationTokenSource(SettleTimeout);
        while (!await connection.ExecuteScalarAsync<bool>(SettledSql, parameters))
        {
            if (timeout.IsCancellationRequested)
            {
                return false;
            }
            await Task.Delay(200);
        }
        return true;
    }

    private sealed record Figures(long LedgerRows, long LedgerBatches, long LedgerMigrated, long LedgerSkippedChanged, long ItemsMigrated,
        long SessionsOnTarget, long BatchesCompletedTwice);
}
