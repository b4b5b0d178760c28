using System.Globalization;
using AspireMigration.Dashboard.Components.Shared;
using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Dashboard.Components.Runs;

/// <summary>
/// A run's progress from its own timings: its batch ledger and its start and end, never from when the page
/// was opened, so a finished run reads its real duration and rate, and a page opened late estimates right.
/// </summary>
public sealed record RunProgress(RunView Run, IReadOnlyList<BatchView> Batches, DateTimeOffset Now)
{
    /// <summary>
    /// The ledger can be ahead of the saga's counter: a batch's row is committed before the saga counts it, and dry runs
    /// finished before 2 December 2026 recorded their batches only in the ledger.
    /// </summary>
    public int BatchesDone => Math.Max(Run.CompletedBatches, Batches.Count);

    public bool Finished => RunStates.Finished.Contains(Run.State);

    /// <summary>Sessions done of those included: batch counts do not measure it, adaptive batches differ in size.</summary>
    public int SessionsDone => Run.Migrated + Run.SkippedChanged;

    public double Percent => Run.State == RunStates.Completed || (Finished && Run.Included == 0)
        ? 100
        : Run.Included == 0 ? 0 : Math.Min(100, 100.0 * SessionsDone / Run.Included);

    /// <summary>
    /// Whole percents rounded down: a run with one session of 10,000 left reads 99%, never the 100% of a finished run.
    /// </summary>
    public string PercentText => string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(Percent):0}%");

    /// <summary>With adaptive batches the total is the batches so far plus the rest at the current size, until the last is sent.</summary>
    public string TotalBatchesText => Run.Pacing?.Settings.Adaptive == true && !Finished
        ? $"about {Figure.Count(Run.TotalBatches)}"
        : Figure.Count(Run.TotalBatches);

    /// <summary>From the request to the end (or until now while the run goes on).</summary>
    public TimeSpan Elapsed => (Run.FinishedAt ?? Now) - Run.CreatedAt;

    /// <summary>
    /// Sessions per minute: a finished run's average over its whole duration; a running run's over its batches so far,
    /// from the first batch's start until now, so a stall shows as a falling rate.
    /// </summary>
    public double? SessionsPerMinute
    {
        get
        {
            var sessions = Batches.Sum(b => b.Migrated + b.SkippedChanged);
            if (Batches.Count == 0 || sessions == 0)
            {
                return null;
            }
            var first = Batches.MinBy(b => b.ProcessedAt)!;
            var window = Finished ? Elapsed : Now - (first.ProcessedAt - TimeSpan.FromMilliseconds(first.DurationMs));
            // A finished run's start and end are both the Executor's clock; a running run's window ends on this
            // server's clock, and below a second the two disagree more than the run lasts.
            var minimum = Finished ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromSeconds(1);
            return sessions / Math.Max(window.TotalMinutes, minimum.TotalMinutes);
        }
    }

    /// <summary>
    /// The sessions left at the pace of the batches done, counted in sessions since batches may differ in size; null once
    /// finished or before a pace is known.
    /// </summary>
    public TimeSpan? TimeLeft
    {
        get
        {
            var left = Run.Included - SessionsDone;
            if (Finished || left <= 0 || Batches.Count < 2)
            {
                return null;
            }
            var first = Batches.MinBy(b => b.ProcessedAt)!;
            var since = Batches.Sum(b => b.Migrated + b.SkippedChanged) - first.Migrated - first.SkippedChanged;
            var span = Batches.Max(b => b.ProcessedAt) - first.ProcessedAt;
            return since == 0 ? null : span * left / since;
        }
    }

    public static string Format(TimeSpan duration) => duration.TotalHours >= 1
        ? $"{(int)duration.TotalHours} h {duration.Minutes:00} min"
        : duration.TotalMinutes >= 1 ? $"{duration.Minutes} min {duration.Seconds:00} s" : $"{Math.Max(0, duration.TotalSeconds):0.0} s";
}
