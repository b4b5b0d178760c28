using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.TestSupport;

namespace AspireMigration.Observability.Tests;

/// <summary>Each alert rule trips on data made for it, and stays quiet just below its threshold.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AlertRuleTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task A_clean_database_has_no_alerts()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);

        Assert.Empty(await Evaluate(db));
    }

    [Fact]
    public async Task A_run_with_more_than_ten_percent_unmigrated_sessions_trips_the_failure_rate()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        var failing = Guid.NewGuid();
        var fine = Guid.NewGuid();
        await db.InsertRunAsync(failing, "Completed", null, [.. Enumerable.Repeat("migrated", 8), "skipped_changed", "conflict"]);
        await db.InsertRunAsync(fine, "Completed", null, [.. Enumerable.Repeat("migrated", 9), "skipped_changed"]);

        var alert = Assert.Single(await Evaluate(db));
        Assert.Equal("run-failure-rate", alert.Rule);
        Assert.Equal(failing.ToString(), alert.Subject);
        Assert.Contains("2 of 10", alert.Message);
    }

    [Fact]
    public async Task A_plan_with_more_than_thirty_percent_uncertain_items_trips()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        var planId = Guid.NewGuid();
        await db.InsertPlanAsync(planId, total: 10, tentative: 2, manualReview: 2, analysisMs: 100);

        var alert = Assert.Single(await Evaluate(db));
        Assert.Equal("plan-uncertain-share", alert.Rule);
        Assert.Equal(planId.ToString(), alert.Subject);
    }

    [Fact]
    public async Task Exactly_thirty_percent_uncertain_items_does_not_trip()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        await db.InsertPlanAsync(Guid.NewGuid(), total: 10, tentative: 2, manualReview: 1, analysisMs: 100);

        Assert.Empty(await Evaluate(db));
    }

    [Fact]
    public async Task An_analysis_slower_than_five_seconds_trips()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        await db.InsertPlanAsync(Guid.NewGuid(), total: 10, tentative: 0, manualReview: 0, analysisMs: 5_200);

        var alert = Assert.Single(await Evaluate(db));
        Assert.Equal("analysis-duration", alert.Rule);
        Assert.Contains("5.2 s", alert.Message);
    }

    [Fact]
    public async Task Any_rollback_trips()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        var runId = Guid.NewGuid();
        await db.InsertRunAsync(runId, "RolledBack", null, "rolled_back");

        var alert = Assert.Single(await Evaluate(db));
        Assert.Equal("rollback", alert.Rule);
        Assert.Equal(runId.ToString(), alert.Subject);
    }

    [Fact]
    public async Task Orphans_rising_after_a_completed_run_trips()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        // 5 orphans before, 3 migrated: 2 should remain; the application then created 2 more.
        await db.InsertRunAsync(Guid.NewGuid(), "Completed", orphansBefore: 5, "migrated", "migrated", "migrated");
        await db.ExecuteAsync("INSERT INTO sessions (agent_type) SELECT 'cursor' FROM generate_series(1, 2)");
        Assert.Empty(await Evaluate(db));

        await db.ExecuteAsync("INSERT INTO sessions (agent_type) SELECT 'cursor' FROM generate_series(1, 2)");

        var alert = Assert.Single(await Evaluate(db));
        Assert.Equal("orphans-rising", alert.Rule);
        Assert.Contains("4 orphan sessions now, 2 right after", alert.Message);
    }

    [Fact]
    public async Task A_run_in_progress_without_a_transition_or_a_batch_for_five_minutes_trips_run_stalled()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        var stalled = Guid.NewGuid();
        var moving = Guid.NewGuid();
        var paused = Guid.NewGuid();
        await db.InsertRunAsync(stalled, RunStates.Migrating, null, "migrated");
        await db.InsertRunAsync(moving, RunStates.RollingBack, null, "migrated");
        await db.InsertRunAsync(paused, RunStates.Paused, null, "migrated");
        await db.ExecuteAsync("UPDATE backfill.run_sagas SET updated_at = now() - interval '6 minutes'");
        await db.ExecuteAsync("""
            INSERT INTO backfill.run_batches (run_id, batch_number, migrated, skipped_changed, duration_ms, processed_by, processed_at)
            VALUES (@stalled, 1, 1, 0, 1, 'a', now() - interval '7 minutes'), (@moving, 1, 1, 0, 1, 'a', now() - interval '1 minute')
            """, new { stalled, moving });

        // The run rolling back also trips the rollback rule; only the stalled one trips run-stalled.
        var alert = Assert.Single(await Evaluate(db), a => a.Rule == "run-stalled");
        Assert.Equal(stalled.ToString(), alert.Subject);
        Assert.Equal($"Run {stalled} has made no progress for 6 minutes while Migrating", alert.Message);

        // Four minutes and a half without progress is not yet a stall.
        await db.ExecuteAsync(
            "UPDATE backfill.run_sagas SET updated_at = now() - interval '270 seconds' WHERE correlation_id = @stalled", new { stalled });
        Assert.DoesNotContain(await Evaluate(db), a => a.Rule == "run-stalled");
    }

    [Fact]
    public async Task A_run_not_finished_throttled_for_more_than_thirty_minutes_over_its_throttles_trips_run_throttled()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        var stillThrottled = Guid.NewGuid();
        var throttledBefore = Guid.NewGuid();
        var notYet = Guid.NewGuid();
        var finished = Guid.NewGuid();
        await db.InsertRunAsync(stillThrottled, "Throttled", null, "migrated");
        await db.InsertRunAsync(throttledBefore, RunStates.Migrating, null, "migrated");
        await db.InsertRunAsync(notYet, "Throttled", null, "migrated");
        await db.InsertRunAsync(finished, RunStates.Completed, null, "migrated");
        // As the saga stores them: seconds of the earlier throttles, and when the current one began.
        await db.ExecuteAsync("""
            UPDATE backfill.run_sagas SET state = jsonb_build_object('throttledSeconds', s.seconds, 'throttledSince', s.since)
            FROM (VALUES (@stillThrottled, 1200, now() - interval '11 minutes'), (@throttledBefore, 1860, NULL),
                         (@notYet, 600, now() - interval '19 minutes'), (@finished, 3600, NULL)) AS s(id, seconds, since)
            WHERE correlation_id = s.id
            """, new { stillThrottled, throttledBefore, notYet, finished });

        var alerts = (await Evaluate(db)).Where(a => a.Rule == "run-throttled").ToDictionary(a => a.Subject, a => a.Message);

        Assert.Equal(new Dictionary<string, string>
        {
            [stillThrottled.ToString()] = $"Run {stillThrottled} has been throttled for 31 minutes, and still is",
            [throttledBefore.ToString()] = $"Run {throttledBefore} has been throttled for 31 minutes",
        }, alerts);
    }

    private static Task<IReadOnlyList<Alert>> Evaluate(ToolDatabase db) =>
        new AlertEvaluator(db.DataSource, new AlertThresholds()).EvaluateAsync(CancellationToken.None);
}
