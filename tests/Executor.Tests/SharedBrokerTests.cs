using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>Executors of different databases on one broker, as staging and production on a company's RabbitMQ.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class SharedBrokerTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Two_Executors_with_their_own_prefixes_on_one_broker_each_run_their_own_database_and_see_nothing_of_the_other()
    {
        await using var first = await ExecutorTestContext.StartAsync(infrastructure);
        await using var second = await ExecutorTestContext.StartAsync(infrastructure);

        var runs = await Task.WhenAll(RunAsync(first), RunAsync(second));

        foreach (var (context, run) in new[] { first, second }.Zip(runs))
        {
            Assert.Equal(("Completed", 15), (run.State, run.Migrated));
            await RunConsistency.AssertAsync(context.Scenario, run);
            // Every step and outcome is published: without exchanges of its own, each Executor took the other's StartRun, kept a
            // saga for it and failed it for a plan its database does not have.
            Assert.Equal(
                "sagas 0, audit events 0",
                await context.Scenario.ScalarAsync<string>(
                    "SELECT format('sagas %s, audit events %s', " +
                    "(SELECT count(*) FROM backfill.run_sagas WHERE correlation_id <> @RunId), " +
                    "(SELECT count(*) FROM backfill.run_audit_events WHERE run_id <> @RunId))", new { run.RunId }));
        }
    }

    private static async Task<RunView> RunAsync(ExecutorTestContext context) =>
        await context.Client.WaitAsync(await context.Client.StartAsync(await context.Scenario.InsertPlanAsync()));
}
