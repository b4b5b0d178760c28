using System.Globalization;
using AspireMigration.Bench.Analysis;
using AspireMigration.Bench.Execution;
using AspireMigration.Bench.Service;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Demo;

namespace AspireMigration.Bench.Summary;

/// <summary>
/// `bench [--sizes 18,1000,10000,100000]`: every figure of the performance goals in one table. At each size the analysis bench
/// and the Executor bench (one in-process Executor) give analysis, run, backup and rollback against their SQL floors; then
/// the seed scenario on a warm in-process Analyzer gives the stored analysis duration, the HTTP caller's wait and the command
/// line's `plans analyze` with its process start. A size is the number of orphans every phase works on: the analysis seeds
/// the 18-orphan scenario and size − 18 scaled orphans, the Executor bench size orphans.
/// </summary>
public static class SummaryBenchmark
{
    public const string Usage = "bench [--sizes 18,1000,10000,100000] [--batch-size 1000] [--trials 3]";

    private const int ScenarioOrphans = DemoSeeder.ScenarioOrphans;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = BenchConfiguration.Build(args);
        var sizes = BenchConfiguration.Sizes(
            configuration, "sizes", "18,1000,10000,100000", ScenarioOrphans, DemoSeedOptions.MaxScaleOrphans);
        var batchSize = configuration.GetValue("batch-size", StartRun.DefaultBatchSize);
        var trials = BenchConfiguration.Trials(configuration, 3);
        var server = BenchConfiguration.Server(configuration);
        var messaging = BenchConfiguration.Messaging(configuration);

        await output.WriteLineAsync("| size | phase | floor (ms) | ours (ms) | ratio | p99 (ms) | peak memory (MB) |");
        await output.WriteLineAsync("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var analysis = await AnalysisBenchmark.MeasureAsync(
                server, size - ScenarioOrphans, trials, keep: false, CancellationToken.None);
            await WriteAsync(output, new SummaryRow(size, "analysis", TimeSpan.FromSeconds(analysis.FloorSeconds),
                TimeSpan.FromSeconds(analysis.AnalysisSeconds), analysis.Ratio, null, analysis.PeakWorkingSetBytes));

            var execution = await ExecutorBenchmark.MeasureAsync(
                server, messaging, size, batchSize, trials, replicas: 1, reportFormats: []);
            var peak = execution.Processes[0].PeakBytes;
            var runs = execution.Trials;
            await WriteAsync(output, new SummaryRow(size, "run", Median(runs.Select(t => t.Floor.Run)), Median(runs.Select(t => t.Bus.Run)),
                Medians.Of(runs.Select(t => t.RunRatio)), Medians.Of(runs.Select(t => t.Bus.BatchP99)), peak));
            await WriteAsync(output, new SummaryRow(size, "backup", Median(runs.Select(t => t.Floor.Backup)),
                Median(runs.Select(t => t.Bus.Backup)), Medians.Of(runs.Select(t => t.Bus.Backup / t.Floor.Backup)), null, peak));
            await WriteAsync(output,
                new SummaryRow(size, "rollback", Median(runs.Select(t => t.Floor.Restore)), Median(runs.Select(t => t.Bus.Rollback)),
                Medians.Of(runs.Select(t => t.RollbackRatio)), null, peak));
        }

        var warm = await WarmServiceBenchmark.MeasureAsync(server, messaging, trials);
        await WriteWarmAsync(output, "warm analysis, stored", warm.StoredMs);
        await WriteWarmAsync(output, "warm analysis, HTTP caller", warm.CallerMs);
        await WriteWarmAsync(output, "CLI plans analyze, process", warm.CliMs);
        return 0;
    }

    private static Task WriteWarmAsync(TextWriter output, string phase, IReadOnlyList<double> milliseconds) =>
        WriteAsync(output, new SummaryRow(ScenarioOrphans, phase, null, TimeSpan.FromMilliseconds(Medians.Of(milliseconds)), null,
            Percentiles.Of(milliseconds, 0.99), null));

    private static TimeSpan Median(IEnumerable<TimeSpan> values) =>
        TimeSpan.FromMilliseconds(Medians.Of(values.Select(v => v.TotalMilliseconds)));

    private static Task WriteAsync(TextWriter output, SummaryRow row) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| {row.Size:N0} | {row.Phase} | {Cell(row.Floor?.TotalMilliseconds, "F0")} | {row.Ours.TotalMilliseconds:F0} | "
            + $"{Cell(row.Ratio, "F2")} | {Cell(row.P99Ms, "F0")} | {Cell(row.PeakBytes / 1048576.0, "F0")} |"));

    private static string Cell(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
