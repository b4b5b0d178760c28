using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Dashboard.Components.Runs;
using AspireMigration.Dashboard.Components.Shared;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class RunProgressCardsTests : FluentComponentContext
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_running_run_reads_its_rate_and_time_left_from_its_own_batches()
    {
        // 4 of 10 batches of 1000, one every 20 s from 10:00:20: 4000 sessions in 80 s, 6 batches left at 20 s each.
        var batches = Enumerable.Range(1, 4).Select(n => Batch(n, Start.AddSeconds(20 * n), durationMs: 20_000)).ToList();
        var progress = new RunProgress(
            Run("Migrating", batchesDone: 4, migrated: 3900, skippedChanged: 100, finishedAt: null), batches, Start.AddSeconds(80));

        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress, progress));

        Assert.Equal("Migrating", cut.Find("[data-testid=run-state]").TextContent);
        Assert.Equal("4 / 10", cut.Find("[data-testid=run-batches]").TextContent);
        Assert.Equal("3,900", cut.Find("[data-testid=run-migrated]").TextContent);
        Assert.Equal("100", cut.Find("[data-testid=run-failed]").TextContent);
        Assert.Equal("40%", cut.Find("[data-testid=run-percent]").TextContent);
        Assert.Equal("3,000", cut.Find("[data-testid=run-throughput]").TextContent);
        Assert.Equal("about 2 min 00 s left", cut.Find("[data-testid=run-time-left]").TextContent);
    }

    [Fact]
    public void A_finished_run_shows_its_duration_and_average_rate_however_late_the_page_opens()
    {
        var batches = Enumerable.Range(1, 10).Select(n => Batch(n, Start.AddSeconds(6 * n), durationMs: 500)).ToList();
        var run = Run("Completed", batchesDone: 10, migrated: 10_000, skippedChanged: 0, finishedAt: Start.AddMinutes(1));
        var progress = new RunProgress(run, batches, Start.AddDays(3));

        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress, progress));

        Assert.Equal("1 min 00 s", cut.Find("[data-testid=run-duration]").TextContent);
        Assert.Equal("10,000", cut.Find("[data-testid=run-throughput]").TextContent);
        Assert.Equal("100%", cut.Find("[data-testid=run-percent]").TextContent);
        Assert.Contains("finished 10:01:00 UTC", cut.Find("[data-testid=run-time-left]").TextContent);
    }

    [Theory]
    [InlineData(9_999, "99%")]
    [InlineData(1, "0%")]
    [InlineData(10_000, "100%")]
    public void A_running_run_reads_100_percent_only_once_every_session_is_done(int done, string percent)
    {
        var run = Run("Migrating", batchesDone: 9, migrated: done, skippedChanged: 0, finishedAt: null);

        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress, new RunProgress(run, [], Start.AddSeconds(5))));

        Assert.Equal(percent, cut.Find("[data-testid=run-percent]").TextContent);
    }

    [Fact]
    public void A_dry_run_would_migrate_and_counts_the_batches_of_its_ledger()
    {
        var run = Run("Completed", batchesDone: 0, migrated: 15, skippedChanged: 0, finishedAt: Start.AddSeconds(1))
            with { DryRun = true, TotalBatches = 1 };

        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress,
            new RunProgress(run, [Batch(1, Start.AddSeconds(1), 50)], Start.AddSeconds(2))));

        Assert.Equal("1 / 1", cut.Find("[data-testid=run-batches]").TextContent);
        Assert.Contains("Would migrate", cut.Find("[data-testid=run-progress]").TextContent);
    }

    [Fact]
    public void Adaptive_batches_count_progress_in_sessions_and_call_the_batch_total_an_estimate()
    {
        // Batches of 500, 1000, 2000 sessions one every 10 s: 3500 of 8000 done, 4500 left at 3000 per 20 s (after the first).
        var batches = new[] { 500, 1000, 2000 }
            .Select((size, i) => Batch(i + 1, Start.AddSeconds(10 * (i + 1)), 100) with { Migrated = size }).ToList();
        var pacing = new PacingStatus(new AspireMigration.Shared.Contracts.Runs.RunPacing(Adaptive: true), 4000, null, 0, null, null);
        var run = Run("Migrating", batchesDone: 3, migrated: 3500, skippedChanged: 0, finishedAt: null)
            with { Included = 8000, TotalBatches = 5, Pacing = pacing };

        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress, new RunProgress(run, batches, Start.AddSeconds(30))));

        Assert.Equal("3 / about 5", cut.Find("[data-testid=run-batches]").TextContent);
        Assert.Equal("43%", cut.Find("[data-testid=run-percent]").TextContent);
        Assert.Equal("about 30.0 s left", cut.Find("[data-testid=run-time-left]").TextContent);
    }

    [Fact]
    public void Shows_no_rate_or_time_left_before_a_batch_is_done()
    {
        var cut = Render<RunProgressCards>(p => p.Add(c => c.Progress,
            new RunProgress(Run("BackingUp", batchesDone: 0, migrated: 0, skippedChanged: 0, finishedAt: null), [], Start.AddSeconds(5))));

        Assert.Equal("—", cut.Find("[data-testid=run-throughput]").TextContent);
        Assert.Equal("time left: estimating…", cut.Find("[data-testid=run-time-left]").TextContent);
    }

    [Fact]
    public void A_run_that_finished_within_a_second_reads_its_own_rate_not_one_stretched_to_a_second()
    {
        var batches = new[] { Batch(1, Start.AddMilliseconds(400), durationMs: 90) };

        var run = Run("Completed", batchesDone: 1, migrated: 1000, skippedChanged: 0, finishedAt: Start.AddMilliseconds(500));
        var progress = new RunProgress(run, batches, Start.AddDays(1));

        Assert.Equal(120_000, progress.SessionsPerMinute!.Value, precision: 6);
        Assert.Equal("0.5 s", RunProgress.Format(progress.Elapsed));
    }

    private static BatchView Batch(int number, DateTimeOffset processedAt, double durationMs) =>
        new(number, 1000, 0, durationMs, "executor-1", processedAt.UtcDateTime);

    private static RunView Run(string state, int batchesDone, int migrated, int skippedChanged, DateTimeOffset? finishedAt) => new(
        Guid.NewGuid(), Guid.NewGuid(), state, "operator", DryRun: false, SkipLowConfidence: false, BatchSize: 1000,
        Included: 10_000, Skipped: 0, TotalBatches: 10, CompletedBatches: batchesDone, Migrated: migrated, SkippedChanged: skippedChanged,
        RolledBack: 0, Conflicts: 0, Reason: null, BackupTable: null, Warnings: [], CreatedAt: Start,
        FinishedAt: finishedAt);
}
