using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

/// <summary>The Executor needs no more than the grants the README lists.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class LeastPrivilegeTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task A_role_with_only_the_listed_grants_runs_and_rolls_back_the_seed_plan()
    {
        var role = "am_" + Guid.NewGuid().ToString("N")[..12];
        await using var context = await ExecutorTestContext.StartAsync(infrastructure, serviceRole: role);
        var (scenario, client) = (context.Scenario, context.Client);

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        Assert.Equal(role, await scenario.ScalarAsync<string>(
            $"SELECT tableowner FROM pg_tables WHERE schemaname = 'backfill' AND tablename = 'sessions_backup_{run.RunId:N}'"));

        await client.CommandAsync(run.RunId, "rollback");
        run = await client.WaitAsync(run.RunId, "RolledBack");
        Assert.Equal(18L, await scenario.ScalarAsync<long>("SELECT count(*) FROM sessions WHERE project_id IS NULL"));
        // The role can change nothing but project_id.
        Assert.False(await scenario.ScalarAsync<bool>($"SELECT has_column_privilege('{role}', 'public.sessions', 'title', 'UPDATE')"));
        Assert.False(await scenario.ScalarAsync<bool>($"SELECT has_table_privilege('{role}', 'public.projects', 'UPDATE')"));
    }
}
