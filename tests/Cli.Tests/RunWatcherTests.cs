using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Tests;

/// <summary>What `--wait` shows of a run: its share of the work in sessions, and an adaptive total as the estimate it is.</summary>
public sealed class RunWatcherTests
{
    [Fact]
    public void The_bar_counts_sessions_not_batches_of_different_sizes()
    {
        // Two adaptive batches of 500 and 4000 sessions done of about 3: most of the run, not two thirds.
        var run = Run("Migrating", adaptive: true, included: 5000, migrated: 4400, skippedChanged: 100);

        Assert.Equal((4500d, 5000d), RunWatcher.Share(run));
        Assert.Equal("Migrating: batches 2 of about 3, migrated 4400, skipped 100", RunWatcher.Describe(run, null));
    }

    [Fact]
    public void A_failed_run_keeps_the_share_it_reached_and_a_completed_one_is_whole()
    {
        Assert.Equal((1000d, 5000d), RunWatcher.Share(Run("Failed", adaptive: true, included: 5000, migrated: 1000)));
        Assert.Equal((5000d, 5000d), RunWatcher.Share(Run("Completed", adaptive: false, included: 5000, migrated: 4990)));
        Assert.Equal("Completed: batches 2 of 3, migrated 4990, skipped 0", RunWatcher.Describe(
            Run("Completed", adaptive: true, included: 5000, migrated: 4990), null));
    }

    [Fact]
    public void A_dry_run_says_what_it_would_migrate()
    {
        var run = Run("Completed", adaptive: false, included: 5000, migrated: 4990);
        run.DryRun = true;

        Assert.Equal("Completed: batches 2 of 3, would migrate 4990, skipped 0", RunWatcher.Describe(run, null));
    }

    [Fact]
    public void Polling_starts_at_a_tenth_of_a_second_and_doubles_up_to_one()
    {
        List<TimeSpan> intervals = [RunWatcher.NextInterval(null)];
        for (var i = 0; i < 6; i++)
        {
            intervals.Add(RunWatcher.NextInterval(intervals[^1]));
        }

        Assert.Equal([100, 200, 400, 800, 1000, 1000, 1000], intervals.Select(i => i.TotalMilliseconds));
    }

    private static RunView Run(string state, bool adaptive, int included, int migrated, int skippedChanged = 0) => new()
    {
        State = state,
        Included = included,
        Migrated = migrated,
        SkippedChanged = skippedChanged,
        Skipped = 0,
        CompletedBatches = 2,
        TotalBatches = 3,
        Pacing = new PacingStatus { Settings = new RunPacing { Adaptive = adaptive } },
    };
}
