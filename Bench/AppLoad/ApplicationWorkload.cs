using System.Diagnostics;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.AppLoad;

/// <summary>
/// A synthetic application on the target tables: each connection works through an even mix of a point read of a session,
/// a short range scan of sessions, a session's latest events, a small event insert and an update of a session's other
/// columns (title, updated_at): three reads to two writes. The sessions are the plan's own orphans, so an update can wait
/// on a batch's row locks: the contention a run inflicts on the application, and the lock waits the health gate watches.
/// <para>
/// Operations arrive at a fixed rate, as requests reach a production application, not as fast as the database answers: a
/// workload that saturates the machine measures the machine's CPU shared out, not what a run costs an application that
/// has headroom. Each operation's latency counts from the moment it was due, so when one stalls (a lock wait, a slow
/// commit), the operations queued behind it on that connection count the stall too, as the requests waiting for a
/// pooled connection would.
/// </para>
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
    // The time between two operations of one connection, in Stopwatch ticks.
    private readonly long interval;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task<List<double>>> workers;
    private readonly Stopwatch elapsed = Stopwatch.StartNew();

    private ApplicationWorkload(NpgsqlDataSource dataSource, int sessions, int connections, int rate)
    {
        this.dataSource = dataSource;
        this.sessions = sessions;
        interval = Stopwatch.Frequency * connections / rate;
        workers = Enumerable.Range(0, connections).Select(seed => Task.Run(() => LoopAsync(seed, connections))).ToList();
    }

    /// <summary>
    /// Starts <paramref name="connections"/> connections sharing <paramref name="rate"/> operations per second on sessions
    /// 1..<paramref name="sessions"/>.
    /// </summary>
    public static ApplicationWorkload Start(NpgsqlDataSource dataSource, int sessions, int connections, int rate) =>
        new(dataSource, sessions, connections, rate);

    /// <summary>Lets every connection finish its operation, and sums up what they saw since the start.</summary>
    public async Task<WorkloadFigures> StopAsync()
    {
        await stop.CancelAsync();
        var latencies = (await Task.WhenAll(workers)).SelectMany(l => l).ToList();
        elapsed.Stop();
        stop.Dispose();
        return new WorkloadFigures(latencies.Count, elapsed.Elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99));
    }

    private async Task<List<double>> LoopAsync(int seed, int connections)
    {
        // Seeded: every phase replays the same sequence of operations, so phases differ by the run alone.
        var random = new Random(seed);
        var latencies = new List<double>();
        await using var connection = await dataSource.OpenConnectionAsync();
        // The connections' schedules are staggered across one interval, so the operations arrive evenly.
        var due = Stopwatch.GetTimestamp() + interval * seed / connections;
        while (!stop.IsCancellationRequested)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero && !await DelayAsync(wait))
            {
                break;
            }
            var sql = Operations[random.Next(Operations.Length)];
            await connection.ExecuteAsync(sql, new { i = random.Next(1, sessions + 1) });
            latencies.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            due += interval;
        }
        return latencies;
    }

    private async Task<bool> DelayAsync(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
