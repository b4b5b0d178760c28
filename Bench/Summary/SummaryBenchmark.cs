using System.Globalization;
using AspireMigration.Bench.Analysis;
using AspireMigration.Bench.Execution;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Demo;

namespace AspireMigration.Bench.Summary;

/// <summary>
/// `all --sizes 18,1000,10000`: the analysis bench and the Executor bench (one in-process Executor) at each size, printed
/// as one table of analysis, run and rollback against their SQL floors. A size is the number of orphans every phase works
/// on: the analysis seeds the 18-orphan scenario and size − 18 scaled orphans, the Executor bench size orphans.
/// </summary>
public static class SummaryBenchmark
{
    public const string Usage = "all [--sizes 18,1000,10000] [--batch-size 1000] [--trials 1]";

    private const int ScenarioOrphans = 18;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = BenchConfiguration.Build(args);
        var sizes = BenchConfiguration.Sizes(configuration, "sizes", "18,1000,10000", ScenarioOrphans, DemoSeedOptions.MaxScaleOrphans);
        var batchSize = configuration.GetValue("batch-size", StartRun.DefaultBatchSize);
        var trials = configuration.GetValue("trials", 1);
        if (trials < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(args), trials, "--trials counts measured runs: 1 or more.");
        }
        var server = BenchConfiguration.Server(configuration);
        var messaging = BenchConfiguration.Messaging(configuration);

        await output.WriteLineAsync("| size | phase | floor (ms) | ours (ms) | ratio | batch p99 (ms) | peak memory (MB) |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var analysis = await AnalysisBenchmark.MeasureAsync(server, size - ScenarioOrphans, keep: false, CancellationToken.None);
            await WriteAsync(output, new SummaryRow(size, "analysis", TimeSpan.FromSeconds(analysis.FloorSeconds),
                TimeSpan.FromSeconds(analysis.AnalysisSeconds), analysis.Ratio, null, analysis.PeakWorkingSetBytes));

            var execution = await ExecutorBenchmark.MeasureAsync(
                server, messaging, size, batchSize, trials, replicas: 1, reportFormats: []);
            var peak = execution.Processes[0].PeakBytes;
            var runs = execution.Trials;
            await WriteAsync(output, new SummaryRow(size, "run", Median(runs.Select(t => t.Floor.Run)), Median(runs.Select(t => t.Bus.Run)),
                Medians.Of(runs.Select(t => t.RunRatio)), Medians.Of(runs.Select(t => t.Bus.BatchP99)), peak));
            await WriteAsync(output,
                new SummaryRow(size, "rollback", Median(runs.Select(t => t.Floor.Restore)), Median(runs.Select(t => t.Bus.Rollback)),
                Medians.Of(runs.Select(t => t.RollbackRatio)), null, peak));
        }
        return 0;
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> values) =>
        TimeSpan.FromMilliseconds(Medians.Of(values.Select(v => v.TotalMilliseconds)));

    private static Task WriteAsync(TextWriter output, SummaryRow row) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Size:N0} | {row.Phase} | {row.Floor.TotalMilliseconds:F0} | {row.Ours.TotalMilliseconds:F0} | {row.Ratio:F2} | "
            + $"{(row.BatchP99Ms is { } p99 ? p99.ToString("F0", CultureInfo.InvariantCulture) : "–")} | "
            + $"{row.PeakBytes / 1048576.0:F0} |"));
}
