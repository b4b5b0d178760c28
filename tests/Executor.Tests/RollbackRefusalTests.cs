using System.Net;
using AspireMigration.Executor.Api;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// A rollback the API refuses is a 409 with nothing published: the run's state, reason and audit trail
/// read the same a moment later, and no rollback_requested event ever appears.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class RollbackRefusalTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Rollback_while_another_run_is_active_is_refused_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        // Session 11 stayed an orphan (unresolved manual review); a second plan assigns it, and its batch waits on a row lock.
        await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(11));
        var other = await client.StartAsync(await scenario.InsertPlanAsync([(11, "confident", Scenario.P1)]));
        await client.WaitAsync(other, "Migrating");

        await client.AssertRefusedAsync(run.RunId, "rollback", RollbackGuard.AnotherRunActive, other.ToString());

        await blocker.ReleaseAsync();
        Assert.Equal("Completed", (await client.WaitAsync(other)).State);
        Assert.Equal(HttpStatusCode.Accepted, (await client.CommandAsync(run.RunId, "rollback")).StatusCode);
        Assert.Equal("RolledBack", (await client.WaitAsync(run.RunId, "RolledBack")).State);
    }

    [Fact]
    public async Task Rollback_of_a_run_that_never_backed_up_is_refused_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync([(1, "confident", Guid.NewGuid())])));
        Assert.Equal("Failed", run.State);

        await client.AssertRefusedAsync(run.RunId, "rollback", RollbackGuard.BackupUnusable, "has no backup");
    }

    [Fact]
    public async Task Rollback_whose_backup_table_is_missing_is_refused_and_changes_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        await scenario.ExecuteAsync($"DROP TABLE backfill.\"sessions_backup_{run.RunId:N}\"");

        await client.AssertRefusedAsync(run.RunId, "rollback", RollbackGuard.BackupUnusable, "does not exist");

        Assert.Equal(Scenario.P1, (await scenario.SeedProjectsAsync())[1]);
    }

    [Fact]
    public async Task Rollback_and_resume_while_migrating_are_refused_and_change_nothing()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        await using var blocker = await SessionLock.TakeAsync(scenario, Scenario.Session(1));
        var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 1);
        await client.WaitForBatchesAsync(runId, 14);
        await Eventually.HoldsAsync(
            async () => (await client.AuditAsync(runId)).Count(e => e.Action == RunAuditActions.BatchCompleted) == 14);

        await client.AssertRefusedAsync(runId, "rollback", "Cannot rollback this run", "is Migrating");
        await client.AssertRefusedAsync(runId, "resume", "Cannot resume this run", "is Migrating");

        await blocker.ReleaseAsync();
        var run = await client.WaitAsync(runId);
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        Assert.DoesNotContain(
            await client.AuditAsync(runId), e => e.Action is RunAuditActions.RollbackRequested or RunAuditActions.ResumeRequested);
    }
}
