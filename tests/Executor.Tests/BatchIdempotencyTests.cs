using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;
using Microsoft.Extensions.Options;

namespace AspireMigration.Executor.Tests;

/// <summary>The batch step on its own: what a redelivered message or two replicas taking the same batch do.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class BatchIdempotencyTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_same_batch_delivered_twice_changes_nothing_twice()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var runId = Guid.NewGuid();
        var preFlight = new PreFlightStep(scenario.DataSource, Options.Create(new ExecutorOptions()), TimeProvider.System);
        Assert.IsType<PreFlightOutcome.Passed>(await preFlight.RunAsync(
            new PreFlightRun(runId, await scenario.InsertPlanAsync(), "operator", false, 5, false), CancellationToken.None));
        var migrator = new BatchMigrator(scenario.DataSource);
        var batch = new MigrateBatch(runId, Guid.Empty, 1, 1, 5);

        // Two replicas receive batch 1 at the same moment.
        var first = await Task.WhenAll(
            migrator.RunAsync(batch, CancellationToken.None), migrator.RunAsync(batch, CancellationToken.None));
        Assert.Single(first, b => !b!.Redelivered);
        Assert.All(first, b => Assert.Equal((5, 0), (b!.Migrated, b.SkippedChanged)));

        // Someone puts a migrated session back to NULL; a late redelivery must not migrate it again.
        var batchSession = Scenario.Session(1);
        await scenario.ExecuteAsync("UPDATE sessions SET project_id = NULL WHERE id = @batchSession", new { batchSession });
        var again = await migrator.RunAsync(batch, CancellationToken.None);

        Assert.True(again!.Redelivered);
        Assert.Equal(5, again.Migrated);
        Assert.Null((await scenario.SeedProjectsAsync())[1]);
        Assert.Equal(4, (await scenario.SeedProjectsAsync()).Count(p => p.Value is not null));
    }

    [Fact]
    public async Task A_session_changed_since_analysis_is_skipped_not_overwritten()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var runId = Guid.NewGuid();
        var preFlight = new PreFlightStep(scenario.DataSource, Options.Create(new ExecutorOptions()), TimeProvider.System);
        await preFlight.RunAsync(
            new PreFlightRun(runId, await scenario.InsertPlanAsync(), "operator", false, 100, false), CancellationToken.None);
        await scenario.ExecuteAsync(
            "UPDATE sessions SET project_id = @p WHERE id = @id", new { p = Scenario.P4, id = Scenario.Session(1) });

        var batch = await new BatchMigrator(scenario.DataSource).RunAsync(new MigrateBatch(runId, Guid.Empty, 1, 1, 15),
            CancellationToken.None);

        Assert.Equal((14, 1), (batch!.Migrated, batch.SkippedChanged));
        Assert.Equal(Scenario.P4, (await scenario.SeedProjectsAsync())[1]);
    }
}
