using AspireMigration.Executor.Api;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Domain;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// What every fault test ends with: the run is in a final state that matches the database, each
/// session was migrated at most once (the batch ledger agrees with the sessions) or restored
/// exactly from the backup, the active-run claim is released and the audit trail is complete.
/// </summary>
public static class RunConsistency
{
    public static async Task AssertAsync(Scenario scenario, RunView run)
    {
        Assert.True(MigrationRunStateMachine.IsFinished(run.State), $"Run {run.RunId} is {run.State}, not finished.");
        var parameters = new { runId = run.RunId };

        // Both follow the final transition asynchronously (the release and the audit are their own messages).
        await scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");
        await scenario.WaitUntilAsync($"""
            SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE run_id = '{run.RunId}'
                AND action = '{RunAuditActions.State(run.State)}')
               AND NOT EXISTS (SELECT 1 FROM backfill.run_batches b WHERE b.run_id = '{run.RunId}' AND NOT EXISTS (
                       SELECT 1 FROM backfill.run_audit_events e
                       WHERE e.run_id = b.run_id AND e.action IN ('{RunAuditActions.BatchCompleted}', '{RunAuditActions.BatchRedelivered}')
                         AND (e.details ->> 'batchNumber')::int = b.batch_number))
            """);
        Assert.Equal(0L, await scenario.ScalarAsync<long>($"""
            SELECT count(*) FROM (
                SELECT 1 FROM backfill.run_audit_events WHERE run_id = @runId AND action = '{RunAuditActions.BatchCompleted}'
                GROUP BY details ->> 'batchNumber' HAVING count(*) > 1) twice
            """, parameters));

        var ledger = await scenario.ScalarAsync<string>("""
            SELECT format('%s batches, %s migrated, %s skipped_changed', count(*), COALESCE(sum(migrated), 0),
                COALESCE(sum(skipped_changed), 0))
            FROM backfill.run_batches WHERE run_id = @runId
            """, parameters);
        Assert.Equal($"{run.CompletedBatches} batches, {run.Migrated} migrated, {run.SkippedChanged} skipped_changed", ledger);
        // Batch boundaries are decided at dispatch: no two batches of the run ever cover the same item.
        Assert.Equal(0L, await scenario.ScalarAsync<long>("""
            SELECT count(*) FROM backfill.run_batches a JOIN backfill.run_batches b
                ON b.run_id = a.run_id AND b.batch_number > a.batch_number
               AND b.first_ordinal <= a.last_ordinal AND a.first_ordinal <= b.last_ordinal
            WHERE a.run_id = @runId
            """, parameters));
        // Every session the ledger counts as migrated is accounted for once, whatever happened to it since.
        Assert.Equal(run.Migrated, await scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM backfill.run_items WHERE run_id = @runId " +
            $"AND outcome IN ('{ItemOutcomes.Migrated}', '{ItemOutcomes.RolledBack}', '{ItemOutcomes.Conflict}')", parameters));

        Assert.Equal(0L, await scenario.ScalarAsync<long>($"""
            SELECT count(*) FROM backfill.run_items i JOIN sessions s ON s.id = i.session_id
            WHERE i.run_id = @runId AND i.outcome = '{ItemOutcomes.Migrated}' AND s.project_id IS DISTINCT FROM i.target_project_id
            """, parameters));
        if (await scenario.ScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_items WHERE run_id = @runId AND outcome = '{ItemOutcomes.RolledBack}')",
            parameters))
        {
            Assert.Equal(0L, await scenario.ScalarAsync<long>($"""
                SELECT count(*) FROM backfill.run_items i JOIN sessions s ON s.id = i.session_id
                JOIN backfill."sessions_backup_{run.RunId:N}" b ON b.id = i.session_id
                WHERE i.run_id = @runId AND i.outcome = '{ItemOutcomes.RolledBack}' AND s.project_id IS DISTINCT FROM b.project_id
                """, parameters));
        }
    }
}
