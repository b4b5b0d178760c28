using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Mvc;

namespace AspireMigration.Executor.Tests;

/// <summary>An operator retries a run a batch failed, once the cause is fixed: the ledger keeps every batch exactly once.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class RunRetryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_poison_batch_fixed_and_retried_completes_the_run_with_every_session_migrated_once()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: ExecutorTestContext.RetryOnce);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await context.FailOnPoisonBatchAsync();
        Assert.Contains("Batch 1 failed", run.Reason);
        await RunConsistency.AssertAsync(scenario, run);
        var applied = await scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.run_batches WHERE run_id = @RunId", new { run.RunId });

        // The application stops refusing the update: the operator retries.
        await scenario.ExecuteAsync("DROP TRIGGER refuse ON sessions");
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "retry")).StatusCode);
        run = await client.WaitAsync(run.RunId, "Completed");

        Assert.Equal(("Completed", 15, 4, null, false), (run.State, run.Migrated, run.CompletedBatches, run.Reason, run.Retryable));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(4 - applied, await scenario.ScalarAsync<long>(
            "SELECT count(*) FROM backfill.run_batches WHERE run_id = @RunId AND processed_at > " +
            "(SELECT occurred_at FROM backfill.run_audit_events WHERE run_id = @RunId AND action = @action)",
            new { run.RunId, action = RunAuditActions.RetryRequested }));
        await scenario.AssertSeedPlanAppliedAsync();
        // A completed run is not retried again (the audit already holds this run's one retry, so only the answer is checked).
        using var again = await client.CommandAsync(run.RunId, "retry");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(RetryGuard.NotRetryable, (await again.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task A_retry_whose_reclaim_finds_another_run_on_the_database_is_refused_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: ExecutorTestContext.RetryOnce);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await context.FailOnPoisonBatchAsync();
        await scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");
        await scenario.ExecuteAsync("DROP TRIGGER refuse ON sessions");
        var before = await scenario.SeedRowsAsync();

        // The API found the database free; the failed run's claim row is held, so its reclaim waits, and meanwhile
        // another run takes the database: the race the API's own check cannot close.
        await using (var connection = await scenario.DataSource.OpenConnectionAsync())
        await using (var hold = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("SELECT FROM backfill.runs WHERE run_id = @RunId FOR UPDATE", new { run.RunId }, hold);
            Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "retry")).StatusCode);
            await scenario.WaitUntilAsync(
                "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%SET active = true%')");
            await scenario.ExecuteAsync("INSERT INTO backfill.runs (run_id, plan_id, requested_by, dry_run) " +
                "VALUES (gen_random_uuid(), gen_random_uuid(), 'other', false)");
        }

        run = await client.WaitAsync(run.RunId, "Failed");
        Assert.Equal(("Retry refused: another run started on this database; retry once it has finished.", true),
            (run.Reason, run.Retryable));
        Assert.Equal(before, await scenario.SeedRowsAsync());
        Assert.Equal("other", await scenario.ScalarAsync<string>("SELECT requested_by FROM backfill.runs WHERE active"));
    }

    [Fact]
    public async Task A_run_that_failed_before_its_backup_is_not_retried()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(approved: false)));
        Assert.Equal(("Failed", false), (run.State, run.Retryable));
        await scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");

        await client.AssertRefusedAsync(run.RunId, "retry", RetryGuard.NotRetryable, "only a run a batch failed after its backup");
    }
}
