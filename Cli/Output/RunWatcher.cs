using System.Net;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Api;
using AspireMigration.Shared.Contracts.Runs;
using Microsoft.Kiota.Abstractions;
using Spectre.Console;

namespace AspireMigration.Cli.Output;

/// <summary>
/// Polls a run until <c>finished</c> says so: a live bar (batches, migrated, skipped, throughput,
/// ETA) on a terminal, a line per change in a log, nothing with --json. Returns the final run.
/// </summary>
public sealed class RunWatcher(ServiceClient client, CommandOutput output)
{
    /// <summary>
    /// A seed-sized run is over in a fifth of a second: the first reads come quickly, so nobody waits a whole polling interval
    /// for a result that was there. The interval then doubles up to a second, often enough for a live bar, and one indexed read
    /// of the saga row per second costs the Executor nothing.
    /// </summary>
    public static TimeSpan NextInterval(TimeSpan? previous) => previous is not { } last
        ? TimeSpan.FromMilliseconds(100)
        : TimeSpan.FromTicks(Math.Min(last.Ticks * 2, TimeSpan.FromSeconds(1).Ticks));

    /// <summary>The saga creates the run a moment after the start command is accepted.</summary>
    private static readonly TimeSpan NotFoundGrace = TimeSpan.FromSeconds(30);

    public async Task<RunView> WaitAsync(Guid runId, Func<RunView, bool> finished, CancellationToken cancellationToken)
    {
        if (!output.Live)
        {
            // A log has no bar titled with the run: without this line a script's output never names the run it started.
            output.Say(Markup.Escape($"Following run {runId} (Ctrl+C leaves it running)"));
            return await PollAsync(runId, finished, Log(), cancellationToken);
        }
        RunView run = new();
        await output.Console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Run {runId}", maxValue: 1);
                var throughput = new Throughput();
                run = await PollAsync(runId, finished, r =>
                {
                    var (done, total) = Share(r);
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = Markup.Escape(Describe(r, throughput.PerSecond(r.Migrated ?? 0)));
                }, cancellationToken);
            });
        output.Say(Markup.Escape($"Run {runId}: {Describe(run, null)}"));
        return run;
    }

    private async Task<RunView> PollAsync(
        Guid runId, Func<RunView, bool> finished, Action<RunView> seen, CancellationToken cancellationToken)
    {
        var waitingSince = DateTimeOffset.UtcNow;
        TimeSpan? interval = null;
        while (true)
        {
            try
            {
                var run = (await client.Executor.Runs[runId].GetAsync(cancellationToken: cancellationToken))!;
                seen(run);
                if (finished(run))
                {
                    return run;
                }
            }
            catch (ApiException e) when (e.Status() == HttpStatusCode.NotFound && DateTimeOffset.UtcNow - waitingSince < NotFoundGrace)
            {
            }
            interval = NextInterval(interval);
            await Task.Delay(interval.Value, cancellationToken);
        }
    }

    private Action<RunView> Log()
    {
        var last = "";
        return run =>
        {
            var line = Describe(run, null);
            if (line != last)
            {
                output.Say(Markup.Escape(line));
                last = line;
            }
        };
    }

    /// <summary>
    /// The bar's share in sessions, as the Dashboard counts: adaptive batches differ in size, so batches done is no share of
    /// the work. A Completed run is whole; one that ended any other way keeps the share it reached.
    /// </summary>
    public static (double Done, double Total) Share(RunView run)
    {
        var total = Math.Max(1, run.Included ?? 0);
        return (run.State == RunStates.Completed ? total : (run.Migrated ?? 0) + (run.SkippedChanged ?? 0), total);
    }

    public static string Describe(RunView run, double? perSecond)
    {
        var skipped = (run.Skipped ?? 0) + (run.SkippedChanged ?? 0);
        var batches = BatchCount.Of(run) is { } count ? $"batches {count}" : "batches not counted yet";
        // A dry run wrote nothing: "migrated 16" would say it did.
        var migrated = run.DryRun == true ? "would migrate" : "migrated";
        var figures = batches + FormattableString.Invariant($", {migrated} {run.Migrated ?? 0}, skipped {skipped}")
            + (run.RolledBack is > 0 and var restored ? FormattableString.Invariant($", rolled back {restored}") : "");
        var rate = perSecond is { } value ? FormattableString.Invariant($", {value:0} sessions/s") : "";
        var reason = run.Reason is { Length: > 0 } text ? $" ({text})" : "";
        return $"{run.State}: {figures}{rate}{reason}";
    }

    /// <summary>Sessions migrated per second since the watch began.</summary>
    private sealed class Throughput
    {
        private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
        private long? first;

        /// <summary>None in the first second: a run over by then would show "0 sessions/s" beside its 100%.</summary>
        public double? PerSecond(long migrated)
        {
            first ??= migrated;
            var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
            return seconds < 1 ? null : (migrated - first.Value) / seconds;
        }
    }
}
