using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Pacing;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Pacing end to end on the real Executor, PostgreSQL and RabbitMQ: adaptive sizes, health throttling, windows, rate cap.
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class PacingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Adaptive_batches_shrink_toward_the_target_when_each_session_is_slow_and_migrate_every_session_once()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertOrphanPlanAsync(600);
        // The application's trigger costs 2 ms per session row: 25 sessions take the 50 ms target.
        await scenario.ExecuteAsync("""
            CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.002); RETURN NEW; END $$;
            CREATE TRIGGER slow BEFORE UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION slow();
            """);

        var runId = await client.StartAsync(new StartRunRequest(planId, BatchSize: 50,
            Pacing: new RunPacing(Adaptive: true, TargetBatchMs: 50, MinBatch: 5, MaxBatch: 1000)));
        var run = await client.WaitAsync(runId);

        Assert.Equal(("Completed", 600), (run.State, run.Migrated));
        await RunConsistency.AssertAsync(scenario, run);
        await using var connection = await scenario.DataSource.OpenConnectionAsync();
        var sizes = (await connection.QueryAsync<int>(
            "SELECT last_ordinal - first_ordinal + 1 FROM backfill.run_batches WHERE run_id = @runId ORDER BY batch_number",
            new { runId })).ToList();
        Assert.Equal(run.CompletedBatches, sizes.Count);
        Assert.Equal(run.TotalBatches, sizes.Count);
        // The first window goes out at the first size; every later batch is smaller, and the last full ones are near 25.
        Assert.All(sizes[8..], size => Assert.InRange(size, 1, 49));
        Assert.InRange(sizes[^2], 10, 40);
    }

    [Fact]
    public async Task A_lagging_database_throttles_the_run_which_resumes_by_itself_and_migrates_every_session_once()
    {
        var probe = new ScriptedHealthProbe { Lagging = true };
        await using var context = await ExecutorTestContext.StartAsync(infrastructure,
            configureServices: services => services.AddSingleton<IDatabaseHealthProbe>(probe));
        var (scenario, client) = (context.Scenario, context.Client);

        var runId = await client.StartAsync(await scenario.InsertPlanAsync(), batchSize: 5);
        var throttled = await client.WaitAsync(runId, RunStates.Throttled);
        Assert.Equal(("replication lag 30 s > 5 s", 0), (throttled.Reason, throttled.Migrated));
        var indicator = Assert.Single(throttled.Pacing!.Health!.Indicators);
        Assert.Equal(("replication lag", 30.0, 5.0, true), (indicator.Name, indicator.Value, indicator.Threshold, indicator.Tripped));
        Assert.NotNull(throttled.Pacing.RecheckAt);

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        probe.Lagging = false;
        var run = await client.WaitAsync(runId);

        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        Assert.True(run.Pacing!.ThrottledSeconds >= 1.5, $"throttled for {run.Pacing.ThrottledSeconds} s");
        await RunConsistency.AssertAsync(scenario, run);
        var states = (await client.AuditAsync(runId)).Select(e => e.Action).Where(a => a.StartsWith(RunAuditActions.StatePrefix)).ToList();
        Assert.Equal(["state_Throttled", "state_Migrating"], states.SkipWhile(s => s != "state_Throttled").Take(2));
    }

    [Fact]
    public async Task A_window_that_closes_mid_run_holds_it_at_a_batch_boundary_until_the_window_opens_again()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var context = await ExecutorTestContext.StartAsync(infrastructure,
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertOrphanPlanAsync(40);
        await scenario.ExecuteAsync("""
            CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$;
            CREATE TRIGGER slow BEFORE UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION slow();
            """);
        var now = TimeOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var window = new MaintenanceWindow([], now.AddMinutes(-30), now.AddMinutes(30), "Etc/UTC");

        var runId = await client.StartAsync(new StartRunRequest(planId, BatchSize: 1, Pacing: new RunPacing(Windows: [window])));
        await Eventually.HoldsAsync(async () => (await client.GetAsync(runId))!.CompletedBatches >= 2);
        clock.Advance(TimeSpan.FromHours(1));
        var waiting = await client.WaitAsync(runId, RunStates.Waiting);

        var opens = waiting.Pacing!.RecheckAt!.Value;
        Assert.Equal($"outside window, opens {MaintenanceSchedule.DayNames[(int)opens.DayOfWeek]} {window.From:HH:mm} Etc/UTC",
            waiting.Reason);
        Assert.InRange(opens - clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(1));
        // The batches already out finish and count; nothing more leaves.
        await scenario.WaitUntilAsync(
            $"SELECT jsonb_array_length(state -> 'outstanding') = 0 FROM backfill.run_sagas WHERE correlation_id = '{runId}'");
        var held = (await client.GetAsync(runId))!;
        Assert.InRange(held.Migrated, 2, 39);
        Assert.Equal(held.CompletedBatches, held.Migrated);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var still = (await client.GetAsync(runId))!;
        Assert.Equal((RunStates.Waiting, held.Migrated), (still.State, still.Migrated));
        Assert.Equal(40L - held.Migrated, await scenario.ScalarAsync<long>(
            $"SELECT count(*) FROM backfill.run_items WHERE run_id = @runId AND outcome = '{ItemOutcomes.Pending}'", new { runId }));

        clock.Set(opens);
        var run = await client.WaitAsync(runId);
        Assert.Equal(("Completed", 40), (run.State, run.Migrated));
        await RunConsistency.AssertAsync(scenario, run);
    }

    [Fact]
    public async Task The_rate_cap_spreads_the_run_and_a_pacing_change_on_the_running_run_lifts_it_audited()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var bad = await client.Http.PostAsJsonAsync("/api/runs", new StartRunRequest(Guid.NewGuid(), Pacing: new RunPacing(
            MinBatch: 10, MaxBatch: 5, Windows: [new MaintenanceWindow(["Mon"], new(1, 0), new(5, 0), "Mars/Olympus")])));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors;
        Assert.Equal(["pacing.maxBatch", "pacing.windows[0].timeZone"], errors.Keys.Order());

        // 15 sessions at 10 per second, 5 a batch: the third batch may not leave before 1.5 s.
        var capped = await client.StartAsync(new StartRunRequest(await scenario.InsertPlanAsync(), BatchSize: 5,
            Pacing: new RunPacing(MaxRate: 10)));
        var run = await client.WaitAsync(capped);
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        // From entering Migrating (when the cap starts counting) to the last batch's claim.
        var spread = await scenario.ScalarAsync<double>($"""
            SELECT extract(epoch FROM (SELECT max(processed_at) FROM backfill.run_batches WHERE run_id = @capped)
                - (SELECT min(occurred_at) FROM backfill.run_audit_events
                   WHERE run_id = @capped AND action = '{RunAuditActions.State(RunStates.Migrating)}'))
            """, new { capped });
        Assert.True(spread >= 1.4, $"the last batch was claimed {spread} s after migrating began");
        await RunConsistency.AssertAsync(scenario, run);

        // One session per second would take 15 s; lifted after the first batch, the run finishes at once.
        var planId = await scenario.InsertOrphanPlanAsync(15);
        var slow = await client.StartAsync(new StartRunRequest(planId, BatchSize: 1, Pacing: new RunPacing(MaxRate: 1)));
        await Eventually.HoldsAsync(async () => (await client.GetAsync(slow))!.CompletedBatches >= 1);
        var change = await client.Http.PutAsJsonAsync($"/api/runs/{slow}/pacing", new ChangePacingRequest(RunPacing.Fixed, 5));
        Assert.Equal(HttpStatusCode.Accepted, change.StatusCode);
        var lifted = await client.WaitAsync(slow);
        Assert.Equal(("Completed", 15, 5), (lifted.State, lifted.Migrated, lifted.Pacing!.CurrentBatchSize));
        Assert.True(lifted.FinishedAt - lifted.CreatedAt < TimeSpan.FromSeconds(10), $"run took {lifted.FinishedAt - lifted.CreatedAt}");
        Assert.Contains(await client.AuditAsync(slow), e => e.Action == RunAuditActions.PacingChanged && e.Actor == "operator");
        var finished = await client.Http.PutAsJsonAsync($"/api/runs/{slow}/pacing", new ChangePacingRequest(RunPacing.Fixed));
        Assert.Equal(HttpStatusCode.Conflict, finished.StatusCode);
    }
}
