using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// What a run changes depends on its plan and whether it skips tentative items, never on how it is cut into batches or
/// paced: every batch size from one session to all of them, fixed or adaptive, migrates exactly the sessions its plan
/// resolves to, each once, and its rollback puts every row back as it was.
/// </summary>
[Collection(MessageFaultCollection.Name)]
public sealed class RunParameterTests(InfrastructureFixture infrastructure)
{
    // One session per batch, sizes that divide the 15 or 10 included sessions and sizes that do not, exactly all, more.
    private static readonly int[] FixedSizes = [1, 4, 5, 7, 15, 16, 1000];

    // Adaptive batches aimed at a target no batch of a few sessions reaches, so they grow from the smallest by doubling.
    private static readonly RunPacing Adaptive = new(Adaptive: true, TargetBatchMs: 1000, MinBatch: 1, MaxBatch: 4);

    [Fact]
    public async Task Every_batch_size_and_pacing_migrates_what_the_plan_resolves_to_once_and_its_rollback_restores_every_row()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var original = await scenario.SeedRowsAsync();
        var cases = from skipLowConfidence in new[] { false, true }
                    from pacing in FixedSizes.Select(size => (Size: size, Pacing: RunPacing.Fixed)).Append((Size: 1, Pacing: Adaptive))
                    select (skipLowConfidence, pacing.Size, pacing.Pacing);

        foreach (var (skipLowConfidence, size, pacing) in cases)
        {
            var label = $"{(pacing.Adaptive ? "adaptive 1-4" : $"batches of {size}")}{(skipLowConfidence ? ", tentative skipped" : "")}";
            var included = Scenario.SeedPlan
                .Where(i => i.Type is "confident" or "unassigned" || (i.Type == "tentative" && !skipLowConfidence))
                .ToDictionary(i => i.Session, i => i.Target);
            var run = await client.WaitAsync(await client.StartAsync(
                new StartRunRequest(await scenario.InsertPlanAsync(), skipLowConfidence, size, Pacing: pacing)));

            Assert.Equal((label, "Completed", included.Count, included.Count, 0),
                (label, run.State, run.Included, run.Migrated, run.SkippedChanged));
            if (!pacing.Adaptive)
            {
                Assert.Equal((label, (included.Count + size - 1) / size), (label, run.CompletedBatches));
            }
            await RunConsistency.AssertAsync(scenario, run);
            var projects = await scenario.SeedProjectsAsync();
            Assert.All(Scenario.SeedPlan, item => Assert.Equal(
                (label, item.Session, included.GetValueOrDefault(item.Session)), (label, item.Session, projects[item.Session])));

            (await client.CommandAsync(run.RunId, "rollback")).EnsureSuccessStatusCode();
            var rolledBack = await client.WaitAsync(run.RunId, "RolledBack");

            Assert.Equal((label, included.Count, 0), (label, rolledBack.RolledBack, rolledBack.Conflicts));
            await RunConsistency.AssertAsync(scenario, rolledBack);
            Assert.Equal(original, await scenario.SeedRowsAsync());
        }
    }
}
