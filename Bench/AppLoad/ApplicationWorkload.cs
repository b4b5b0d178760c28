using System.Diagnostics;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.AppLoad;

/// <summary>
/// A synthetic application on the target tables: each connection loops over an even mix of a point read of a session, a
/// short range scan of sessions, a session's latest events, a small event insert and an update of a session's other
/// columns (title, updated_at): three reads to two writes, every operation timed. The sessions are the plan's own
/// orphans, so an update can wait on a batch's row locks: the contention a run inflicts on the application, and the
/// lock waits the health gate watches.
/// </summary>
public sealed class ApplicationWorkload
{
    // Session ids are derived as BenchData derives them; the expression is computed once per statement, so each
    // operation is a primary-key or index lookup.
    private const string SessionId = "md5('bench-session-' || @i)::uuid";

    private static readonly string[] Operations =
    [
        $"SELECT id, project_id, title, updated_at FROM sessions WHERE id = {SessionId}",
        $"SELECT id, title FROM sessions WHERE id >= {SessionId} ORDER BY id LIMIT 20",
        $"SELECT event_id, timestamp, event_type FROM analytics_events WHERE session_id = {SessionId} ORDER BY timestamp DESC LIMIT 20",
        $"INSERT INTO analytics_events (actor, session_id, event_type, payload) VALUES ('user', {SessionId}, 'app', '{{}}')",
        $"UPDATE sessions SET title = 'edited ' || @i, updated_at = now() WHERE id = {SessionId}",
    ];

    private readonly NpgsqlDataSource dataSource;
    private readonly int sessions;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task<List<double>>> workers;
    private readonly Stopwatch elapsed = Stopwatch.StartNew();

    private ApplicationWorkload(NpgsqlDataSource dataSource, int sessions, int connections)
    {
        this.dataSource = dataSource;
        this.sessions = sessions;
        workers = Enumerable.Range(0, connections).Select(seed => Task.Run(() => LoopAsync(seed))).ToList();
    }

    /// <summary>Starts <paramref name="connections"/> connections working on sessions 1..<paramref name="sessions"/>.</summary>
    public static ApplicationWorkload Start(NpgsqlDataSource dataSource, int sessions, int connections) =>
        new(dataSource, sessions, connections);

    /// <summary>Lets every connection finish its operation, and sums up what they saw since the start.</summary>
    public async Task<WorkloadFigures> StopAsync()
    {
        await stop.CancelAsync();
        var latencies = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        elapsed.Stop();
        stop.Dispose();
        return new WorkloadFigures(latencies.Count, elapsed.Elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99));
    }

    private async Task<List<double>> LoopAsync(int seed)
    {
        // Seeded: every phase replays the same sequence of operations, so phases differ by the run alone.
        var random = new Random(seed);
        var latencies = new List<double>();
        await using var connection = await dataSource.OpenConnectionAsync();
        while (!stop.IsCancellationRequested)
        {
            var sql = Operations[random.Next(Operations.Length)];
            var started = Stopwatch.GetTimestamp();
            await connection.ExecuteAsync(sql, new { i = random.Next(1, sessions + 1) });
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return latencies;
    }
}
