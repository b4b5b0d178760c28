using System.Net;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>Pause, resume, cancel and poison batches, made deterministic by holding a row lock on one session.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class RunControlTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Paused_run_stops_dispatching_and_resumes_to_completion()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1));

        var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 1);
        await client.WaitForBatchesAsync(runId, 14);
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(runId, "pause")).StatusCode);
        await client.WaitAsync(runId, "Paused");
        await blocker.ReleaseAsync();
        await client.WaitForBatchesAsync(runId, 15);
        Assert.Equal("Paused", (await client.GetAsync(runId))!.State);

        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(runId, "resume")).StatusCode);
        var run = await client.WaitAsync(runId);

        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
    }

    [Fact]
    public async Task Cancelled_run_rolls_back_what_it_changed()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var before = await scenario.SeedRowsAsync();
        await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1));

        var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 1);
        await client.WaitForBatchesAsync(runId, 14);
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(runId, "cancel")).StatusCode);
        await client.WaitAsync(runId, "RollingBack");
        // The rollback waits for the batch in flight, then restores it too.
        await blocker.ReleaseAsync();
        var run = await client.WaitAsync(runId);

        Assert.Equal(("Cancelled", 15), (run.State, run.RolledBack));
        Assert.Equal(before, await scenario.SeedRowsAsync());
    }

    [Fact]
    public async Task Poison_batch_ends_in_the_error_queue_and_the_run_fails_with_the_reason()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, settings: ExecutorTestContext.RetryOnce);
        var (scenario, client) = (context.Scenario, context.Client);
        await scenario.RefuseUpdatesAsync(2);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 4));

        Assert.Equal("Failed", run.State);
        Assert.Contains("Batch 1 failed", run.Reason);
        Assert.Contains("session is locked by the application", run.Reason);
        await scenario.WaitUntilAsync("SELECT NOT EXISTS (SELECT 1 FROM backfill.runs WHERE active)");

        // The operator rolls the partial migration back.
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        run = await client.WaitAsync(run.RunId, "RolledBack");
        Assert.Equal(11, run.RolledBack);
        Assert.All(await scenario.SeedProjectsAsync(), p => Assert.Null(p.Value));
    }
}
