using AspireMigration.Bench.Analysis;
using AspireMigration.Bench.AppLoad;
using AspireMigration.Bench.Execution;
using AspireMigration.Bench.Summary;
using Npgsql;

namespace AspireMigration.Bench;

/// <summary>
/// The benchmarks' one entry point: `bench` (every performance figure in one table: analysis, run, backup and rollback
/// against their SQL floors per size, and the seed scenario on warm services), and the detailed views behind it:
/// `analysis` (the Analyzer against its SQL floor) and `run` (the Executor's run and rollback against theirs, or its chaos run);
/// and `app-load` (an application's latency idle and during runs with pacing off and on).
/// Exit codes: 0 done, 1 a chaos run failed its checks or the database failed, 2 the command line is wrong.
/// </summary>
public static class BenchCommandLine
{
    public const int UsageError = 2;

    private const string RunUsage =
        "run [--sessions 100000] [--batch-size 1000] [--trials 3] [--replicas 1] [--report json,csv,md] " +
        "[--chaos N [--seed S] [--timeout 600]]";

    private const string ConnectionUsage = "bench, run and app-load read the server and broker from ConnectionStrings__appdb and " +
        "ConnectionStrings__messaging (or --ConnectionStrings:appdb, …).";

    private const string Usage = $"""
        usage: {SummaryBenchmark.Usage}
               {AnalysisBenchmark.Usage}
               {RunUsage}
               {AppLoadOptions.Usage}
        {ConnectionUsage}
        """;

    private static readonly Dictionary<string, Func<string[], TextWriter, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["bench"] = SummaryBenchmark.RunAsync,
        ["analysis"] = (args, stdout) => AnalysisBenchmark.RunAsync(args, stdout, CancellationToken.None),
        ["run"] = ExecutorBenchmark.RunAsync,
        ["app-load"] = AppLoadBenchmark.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || !Verbs.TryGetValue(args[0], out var verb))
        {
            await stderr.WriteLineAsync(Usage);
            return UsageError;
        }
        try
        {
            return await verb(args[1..], stdout);
        }
        catch (Exception e) when (
            e is ArgumentException or FormatException or InvalidOperationException { InnerException: FormatException })
        {
            await stderr.WriteLineAsync($"error: {e.Message}\n{Usage}");
            return UsageError;
        }
        catch (NpgsqlException e)
        {
            await stderr.WriteLineAsync($"error: the database failed: {e.Message}");
            return 1;
        }
    }
}
