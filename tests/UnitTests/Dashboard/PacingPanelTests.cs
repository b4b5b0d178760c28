using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Dashboard.Components.Runs;
using AspireMigration.Shared.Contracts.Runs;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class PacingPanelTests : FluentComponentContext
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_throttled_run_says_why_in_words_until_when_and_marks_the_tripped_indicator()
    {
        var health = new HealthReadingView(
        [
            new HealthIndicatorView("replication lag", 12, 5, "s", Tripped: true),
            new HealthIndicatorView("lock waits", 0, 3, "sessions", Tripped: false),
        ], Start.AddMinutes(3));
        var pacing = new PacingStatus(new RunPacing(Adaptive: true, TargetBatchMs: 400, MinBatch: 50, MaxBatch: 5000), 850,
            "replication lag 12 s > 5 s", ThrottledSeconds: 95, RecheckAt: Start.AddMinutes(3).AddSeconds(12), health);

        var cut = Render<PacingPanel>(p => p.Add(c => c.Run, Run(RunStates.Throttled, pacing)));

        Assert.Equal("Throttled: replication lag 12 s > 5 s — re-checking at 14:03:12 UTC",
            cut.Find("[data-testid=pacing-hold]").TextContent);
        Assert.Equal("adaptive: aiming at 400 ms a batch, 50 to 5,000 sessions", cut.Find("[data-testid=pacing-mode]").TextContent);
        Assert.Equal("850 sessions", cut.Find("[data-testid=pacing-batch-size]").TextContent);
        Assert.Equal("1 min 35 s", cut.Find("[data-testid=pacing-throttled]").TextContent);
        var rows = cut.FindAll("[data-testid=pacing-indicator]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("tripped", rows[0].ClassList);
        Assert.Equal(["replication lag", "12 s", "5 s", "over threshold"], rows[0].Children.Select(c => c.TextContent));
        Assert.DoesNotContain("tripped", rows[1].ClassList);
    }

    [Fact]
    public void A_waiting_run_names_its_window_and_a_migrating_run_holds_nothing_back()
    {
        var window = new MaintenanceWindow(["Mon", "Tue"], new TimeOnly(1, 0), new TimeOnly(5, 0), "Europe/Paris");
        var settings = new RunPacing(MaxRate: 250, Windows: [window], StartAt: Start);
        var waiting = new PacingStatus(settings, 1000, "outside window, opens Tue 01:00 Europe/Paris", 0, Start.AddHours(11), null);

        var cut = Render<PacingPanel>(p => p.Add(c => c.Run, Run(RunStates.Waiting, waiting)));

        Assert.StartsWith("Waiting: outside window, opens Tue 01:00 Europe/Paris — re-checking at 01:00:00 UTC",
            cut.Find("[data-testid=pacing-hold]").TextContent);
        Assert.Equal("fixed, 1,000 sessions each", cut.Find("[data-testid=pacing-mode]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=pacing-batch-size]"));
        Assert.Equal("250 sessions per second", cut.Find("[data-testid=pacing-rate]").TextContent);
        Assert.Equal("2026-01-05 14:00 UTC", cut.Find("[data-testid=pacing-start]").TextContent);
        Assert.Equal("Mon Tue 01:00–05:00 Europe/Paris", cut.Find("[data-testid=pacing-windows]").TextContent);
        Assert.Equal("No health reading yet.", cut.Find("[data-testid=pacing-no-health]").TextContent);

        cut.Render(p => p.Add(c => c.Run, Run(RunStates.Migrating, waiting with { Reason = null, RecheckAt = null })));

        Assert.Empty(cut.FindAll("[data-testid=pacing-hold]"));

        // A finished run will take no reading: "yet" would promise one.
        cut.Render(p => p.Add(c => c.Run, Run(RunStates.Completed, waiting with { Reason = null, RecheckAt = null })));

        Assert.Equal("No health reading was taken.", cut.Find("[data-testid=pacing-no-health]").TextContent);
    }

    [Fact]
    public void A_run_without_pacing_shows_no_panel()
    {
        var cut = Render<PacingPanel>(p => p.Add(c => c.Run, Run(RunStates.Completed, null)));

        Assert.Empty(cut.FindAll("[data-testid=pacing-panel]"));
    }

    [Fact]
    public void A_finished_adaptive_run_shows_no_current_batch_size_for_a_batch_it_will_never_send()
    {
        var pacing = new PacingStatus(new RunPacing(Adaptive: true, TargetBatchMs: 300, MinBatch: 500, MaxBatch: 5000), 2000, null,
            ThrottledSeconds: 0, RecheckAt: null, Health: null);

        var cut = Render<PacingPanel>(p => p.Add(c => c.Run, Run(RunStates.Migrating, pacing)));

        Assert.Equal("2,000 sessions", cut.Find("[data-testid=pacing-batch-size]").TextContent);

        cut.Render(p => p.Add(c => c.Run, Run(RunStates.Completed, pacing)));

        Assert.Empty(cut.FindAll("[data-testid=pacing-batch-size]"));
        Assert.Equal("adaptive: aiming at 300 ms a batch, 500 to 5,000 sessions", cut.Find("[data-testid=pacing-mode]").TextContent);
    }

    [Fact]
    public void Held_back_states_get_their_own_badge_and_count_as_active()
    {
        var badge = Render<RunStateBadge>(p => p.Add(c => c.State, RunStates.Throttled));

        Assert.Contains("state-held", badge.Find(".state-badge").ClassList);
        Assert.Contains("state-failed", Render<RunStateBadge>(p => p.Add(c => c.State, RunStates.Failed)).Find(".state-badge").ClassList);
        var active = RunStatusTab.All.Single(t => t.Key == "active");
        Assert.Contains(RunStates.Throttled, active.States);
        Assert.Contains(RunStates.Waiting, active.States);
    }

    private static RunView Run(string state, PacingStatus? pacing) => new(
        Guid.NewGuid(), Guid.NewGuid(), state, "operator", DryRun: false, SkipLowConfidence: false, BatchSize: 1000,
        Included: 10_000, Skipped: 0, TotalBatches: 10, CompletedBatches: 4, Migrated: 4000, SkippedChanged: 0,
        RolledBack: 0, Conflicts: 0, Reason: pacing?.Reason, BackupTable: null, Warnings: [], CreatedAt: Start,
        FinishedAt: null, Pacing: pacing);
}
