using AspireMigration.TestSupport;
using Dapper;

namespace AspireMigration.Executor.Tests;

/// <summary>The application stays live during a run: it writes sessions and events and assigns some of the plan's orphans itself.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class ConcurrentApplicationTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task What_the_application_writes_during_a_run_is_never_overwritten_and_the_run_counts_it_truthfully()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync();

        // The application holds sessions 1-8 (batches 1-8 with batch size 1): the Executor's window of
        // batches in flight is full, so batches 9-15 wait until the application lets go.
        var held = new List<SessionLock>();
        foreach (var session in Enumerable.Range(1, 8))
        {
            held.Add(await SessionLock.TakeAsync(scenario, Scenario.Session(session)));
        }
        using var stopWriting = new CancellationTokenSource();
        var writer = WriteLikeTheApplicationAsync(scenario, stopWriting.Token);

        var runId = await client.StartAsync(planId, batchSize: 1);
        await client.WaitAsync(runId, "Migrating");
        // Orphans the application creates after the backup, and an orphan outside the run it fixes, are not
        // the run's doing: they must not fail its validation.
        var orphansAtBackup = await scenario.ScalarAsync<long>(
            "SELECT count(*) FROM sessions WHERE agent_type = 'live-app' AND project_id IS NULL");
        await scenario.WaitUntilAsync(
            $"SELECT count(*) > {orphansAtBackup} FROM sessions WHERE agent_type = 'live-app' AND project_id IS NULL");
        await scenario.ExecuteAsync("UPDATE sessions SET project_id = @P4 WHERE id = @id", new { Scenario.P4, id = Scenario.Session(10) });
        // Sessions 2 and 5 are assigned by the application in the transactions that hold them, 16 (batch 13) while its batch waits.
        await scenario.ExecuteAsync(
            "UPDATE sessions SET project_id = @P5, updated_at = now() WHERE id = @id", new { Scenario.P5, id = Scenario.Session(16) });
        foreach (var (session, index) in held.Select((l, i) => (l, i + 1)))
        {
            if (index is 2 or 5)
            {
                await session.CommitAfterAsync(
                    "UPDATE sessions SET project_id = @P3, updated_at = now() WHERE id = @id",
                    new { Scenario.P3, id = Scenario.Session(index) });
            }
            else
            {
                await session.ReleaseAsync();
            }
            await session.DisposeAsync();
        }
        var appRows = await RowsAsync(scenario, [Scenario.Session(2), Scenario.Session(5), Scenario.Session(16)]);

        var run = await client.WaitAsync(runId);
        await stopWriting.CancelAsync();
        var written = await writer;

        Assert.True(run.Reason is null, run.Reason);
        Assert.Equal(("Completed", 12, 3), (run.State, run.Migrated, run.SkippedChanged));
        await RunConsistency.AssertAsync(scenario, run);
        Assert.Equal(appRows, await RowsAsync(scenario, [.. appRows.Keys]));
        Assert.Equal(appRows.Keys.Order(), (await scenario.ScalarAsync<Guid[]>(
            "SELECT array_agg(session_id) FROM backfill.run_items WHERE run_id = @runId AND outcome = 'skipped_changed'",
            new { runId })).Order());
        var projects = await scenario.SeedProjectsAsync();
        Assert.Equal(Scenario.P4, projects[10]);
        Assert.All(Scenario.SeedPlan.Where(i => i.Session is not (2 or 5 or 10 or 16)),
            i => Assert.Equal(i.Type == "manual_review" ? null : i.Target, projects[i.Session]));

        // The application's own sessions, orphans or not, before or after the backup, are as it wrote them.
        Assert.Equal(written, await ProjectsAsync(scenario, [.. written.Keys]));
        Assert.Equal(2L * written.Count,
            await scenario.ScalarAsync<long>("SELECT count(*) FROM analytics_events WHERE actor = 'live-app'"));
    }

    /// <summary>New sessions, every other one an orphan, each with two events (one on a plan orphan), until stopped.</summary>
    private static async Task<Dictionary<Guid, Guid?>> WriteLikeTheApplicationAsync(Scenario scenario, CancellationToken stop)
    {
        var written = new Dictionary<Guid, Guid?>();
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var id = Guid.NewGuid();
            Guid? project = written.Count % 2 == 0 ? null : Scenario.P1;
            await scenario.ExecuteAsync("""
                INSERT INTO sessions (id, project_id, agent_type, title) VALUES (@id, @project, 'live-app', 'written during the run');
                INSERT INTO analytics_events (actor, project_id, session_id, event_type) VALUES
                    ('live-app', @project, @id, 'session_start'), ('live-app', @P2, @orphan, 'context_stored');
                """, new { id, project, Scenario.P2, orphan = Scenario.Session(1 + written.Count % 18) });
            written[id] = project;
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return written;
    }

    private static async Task<Dictionary<Guid, string>> RowsAsync(Scenario scenario, Guid[] ids)
    {
        await using var connection = await scenario.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid Id, string Row)>(
            "SELECT id, row_to_json(s)::text FROM sessions s WHERE id = ANY(@ids)", new { ids }))
            .ToDictionary(r => r.Id, r => r.Row);
    }

    private static async Task<Dictionary<Guid, Guid?>> ProjectsAsync(Scenario scenario, Guid[] ids)
    {
        await using var connection = await scenario.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid Id, Guid? ProjectId)>(
            "SELECT id, project_id FROM sessions WHERE id = ANY(@ids)", new { ids }))
            .ToDictionary(r => r.Id, r => r.ProjectId);
    }
}
