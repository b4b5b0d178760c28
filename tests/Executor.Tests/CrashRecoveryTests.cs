using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class CrashRecoveryTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Executor_killed_mid_migration_resumes_after_restart_and_migrates_exactly_once()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var held = await HeldRun.StartAsync(scenario, infrastructure);
        var (runId, prefix) = (held.RunId, held.EndpointPrefix);
        await held.KillHoldingBatchAsync();

        // The restarted Executor (same queues) gets the unacknowledged batch back and finishes the run.
        await using var second = new ExecutorApp(
            scenario.ConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var restarted = new RunClient(second.CreateClient());
        var run = await restarted.WaitAsync(runId);

        Assert.Equal(("Completed", 15, 15), (run.State, run.Migrated, run.CompletedBatches));
        var batches = await restarted.Http.GetFromJsonAsync<List<BatchView>>($"/api/runs/{runId}/batches");
        Assert.Equal(15, batches!.Count);
        Assert.All(batches, b => Assert.Equal(1, b.Migrated));
        foreach (var (session, type, target) in Scenario.SeedPlan.Where(i => i.Type != "manual_review"))
        {
            Assert.Equal(target, (await scenario.SeedProjectsAsync())[session]);
        }
    }
}
