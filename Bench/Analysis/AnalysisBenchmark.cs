using System.Diagnostics;
using System.Globalization;
using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using AspireMigration.Shared.Domain;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Bench.Analysis;

/// <summary>
/// `analysis`: seeds a fresh database per size, then measures in the same run the plain-SQL floor
/// (one GROUP BY of the evidence into a TEMP table) and the full analysis, alternating over the trials, so the
/// overhead of scoring and recording a plan is a ratio of medians, not a guess.
/// </summary>
public static class AnalysisBenchmark
{
    public const string Usage = "analysis --connection <connection string to a server; databases are created beside it> " +
        "[--orphans 10000,100000] [--trials 3] [--keep]";

    private const string FloorSql = $"""
        CREATE TEMP TABLE bench_floor AS
        SELECT e.session_id, e.project_id, count(*) AS events
        FROM analytics_events e
        JOIN sessions s ON s.id = e.session_id
        WHERE s.project_id IS NULL AND e.project_id IS NOT NULL AND e.project_id <> '{SentinelProject.IdText}'
        GROUP BY e.session_id, e.project_id;
        DROP TABLE bench_floor;
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var configuration = BenchConfiguration.Build(args);
        var server = configuration["connection"] ?? BenchConfiguration.Server(configuration);
        var sizes = BenchConfiguration.Sizes(configuration, "orphans", "10000,100000", 0, DemoSeedOptions.MaxScaleOrphans);
        var keep = configuration.GetValue("keep", false);
        var trials = BenchConfiguration.Trials(configuration, 3);

        await stdout.WriteLineAsync("| orphans | floor (s) | analysis (s) | ratio | peak working set (MB) | GC heap after (MB) |");
        await stdout.WriteLineAsync("|---:|---:|---:|---:|---:|---:|");
        foreach (var size in sizes)
        {
            var result = await MeasureAsync(server, size, trials, keep, cancellationToken);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {result.Orphans:N0} | {result.FloorSeconds:0.00} | {result.AnalysisSeconds:0.00} | {result.Ratio:0.00} | " +
                $"{result.PeakWorkingSetBytes / 1048576.0:0} | {result.GcHeapBytes / 1048576.0:0} |"));
        }
        return 0;
    }

    /// <summary>
    /// One size on a database of its own beside <paramref name="server"/>'s: the demo seed scaled by <paramref name="scaleOrphans"/>
    /// (plus the 18-orphan scenario), dropped afterwards unless <paramref name="keep"/>. The peak is this size's alone;
    /// the times are the medians of <paramref name="trials"/> alternating floors and analyses.
    /// </summary>
    public static async Task<AnalysisResult> MeasureAsync(
        string server, int scaleOrphans, int trials, bool keep, CancellationToken cancellationToken)
    {
        await using var serverSource = NpgsqlDataSource.Create(server);
        var database = $"am_bench_{scaleOrphans}_{Guid.NewGuid().ToString("N")[..8]}";
        await ExecuteAsync(serverSource, $"CREATE DATABASE \"{database}\"", cancellationToken);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(
                new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
            PeakMemory.StartOver();
            return await MeasureAsync(dataSource, scaleOrphans, trials, cancellationToken);
        }
        finally
        {
            if (!keep)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(serverSource, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", cancellationToken);
            }
        }
    }

    private static async Task<AnalysisResult> MeasureAsync(
        NpgsqlDataSource dataSource, int scaleOrphans, int trials, CancellationToken cancellationToken)
    {
        await new DemoSeeder(dataSource, NullLogger<DemoSeeder>.Instance).SeedAsync(new DemoSeedOptions(scaleOrphans), cancellationToken);
        await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync(cancellationToken);
        await ExecuteAsync(dataSource, "VACUUM ANALYZE", cancellationToken);

        // One untimed run of each first, so both timed runs find the tables in the same (warm) cache
        // and the analysis is measured with its code paths already compiled.
        var engine = new AnalysisEngine(dataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance);
        await ExecuteAsync(dataSource, FloorSql, cancellationToken);
        await engine.AnalyzeAsync(AnalysisSettings.Default, "bench warm-up", cancellationToken);

        var (floors, analyses, total) = (new List<double>(), new List<double>(), 0);
        for (var trial = 0; trial < trials; trial++)
        {
            var floor = Stopwatch.StartNew();
            await ExecuteAsync(dataSource, FloorSql, cancellationToken);
            floors.Add(floor.Elapsed.TotalSeconds);

            var analysis = Stopwatch.StartNew();
            total = (await engine.AnalyzeAsync(AnalysisSettings.Default, "bench", cancellationToken)).Summary.Total;
            analyses.Add(analysis.Elapsed.TotalSeconds);
        }

        using var process = Process.GetCurrentProcess();
        return new AnalysisResult(total, Medians.Of(floors), Medians.Of(analyses),
            process.PeakWorkingSet64, GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));
    }
}
