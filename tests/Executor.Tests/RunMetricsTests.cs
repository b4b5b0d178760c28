using System.Net;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Dapper;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// The Executor's metrics carry the seed scenario's true figures. Each test listens only to its own
/// host's instruments (made by that host's IMeterFactory), so other hosts in the process do not count.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class RunMetricsTests(InfrastructureFixture infrastructure)
{
    private const string Migrated = "migration.sessions.migrated";
    private const string Skipped = "migration.sessions.skipped";
    private const string Failed = "migration.sessions.failed";
    private const string Rollbacks = "migration.rollbacks";
    private const string BatchDuration = "migration.batch.duration";

    [Fact]
    public async Task A_seed_run_counts_15_migrated_3_skipped_one_duration_per_batch_and_then_its_rollback()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        using var metrics = MeasurementRecorder.ForHost(context.Services);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 5));

        Assert.Equal(("Completed", 3), (run.State, run.TotalBatches));
        Assert.Equal(15, metrics.Of(Migrated).Sum(m => m.Value));
        Assert.Equal(3, metrics.Of(Skipped).Sum(m => m.Value));
        Assert.Empty(metrics.Of(Failed));
        Assert.Empty(metrics.Of(Rollbacks));
        await using (var connection = await scenario.DataSource.OpenConnectionAsync())
        {
            var ledger = await connection.QueryAsync<double>(
                "SELECT duration_ms FROM backfill.run_batches WHERE run_id = @RunId", new { run.RunId });
            Assert.Equal(ledger.Order(), metrics.Of(BatchDuration).Select(m => m.Value).Order());
        }

        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        await client.WaitAsync(run.RunId, "RolledBack");

        var rollback = Assert.Single(metrics.Of(Rollbacks));
        Assert.Equal((1d, false), (rollback.Value, rollback.Tags["rollback.automatic"]));
    }

    [Fact]
    public async Task A_poison_batch_counts_its_sessions_as_failed_and_the_other_batches_as_migrated()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: ExecutorTestContext.RetryOnce);
        var (scenario, client) = (context.Scenario, context.Client);
        using var metrics = MeasurementRecorder.ForHost(context.Services);
        await scenario.RefuseUpdatesAsync(2);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 4));
        Assert.Equal("Failed", run.State);
        // The failure is counted as the fault is audited, the other batches as they commit: both may trail the state.
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events " +
            $"WHERE run_id = '{run.RunId}' AND action = '{RunAuditActions.BatchFailed}')");
        await Eventually.HoldsAsync(() => metrics.Of(BatchDuration).Count == 3);

        Assert.Equal(4, Assert.Single(metrics.Of(Failed)).Value);
        Assert.Equal(11, metrics.Of(Migrated).Sum(m => m.Value));
        Assert.Equal(3, metrics.Of(Skipped).Sum(m => m.Value));
    }
}
