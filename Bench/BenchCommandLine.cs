using AspireMigration.Bench.Analysis;
using AspireMigration.Bench.Execution;
using AspireMigration.Bench.Summary;
using Npgsql;

namespace AspireMigration.Bench;

/// <summary>
/// The benchmarks' one entry point: `analysis` (the Analyzer against its SQL floor), `run` (the Executor's run
/// and rollback against theirs, or its chaos run) and `all` (both over a list of sizes, one table).
/// Exit codes: 0 done, 1 a chaos run failed its checks or the database failed, 2 the command line is wrong.
/// </summary>
public static class BenchCommandLine
{
    public const int UsageError = 2;

    private const string RunUsage =
        "run [--sessions 100000] [--batch-size 1000] [--trials 3] [--replicas 1] [--report json,csv,md] " +
        "[--chaos N [--seed S] [--timeout 600]]";

    private const string ConnectionUsage = "run and all read the server and broker from ConnectionStrings__appdb and " +
        "ConnectionStrings__messaging (or --ConnectionStrings:appdb, …).";

    private const string Usage = $"""
        usage: {AnalysisBenchmark.Usage}
               {RunUsage}
               {SummaryBenchmark.Usage}
        {ConnectionUsage}
        """;

    private static readonly Dictionary<string, Func<string[], TextWriter, Task<int>>> Verbs = new(StringComparer.Ordinal)
    {
        ["analysis"] = (args, stdout) => AnalysisBenchmark.RunAsync(args, stdout, CancellationToken.None),
        ["run"] = ExecutorBenchmark.RunAsync,
        ["all"] = SummaryBenchmark.RunAsync,
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
