using System.Diagnostics;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.AppLoad;

/// <summary>
/// A synthetic application on the target tables: its requests are an even mix of a point read of a session, a short
/// range scan of sessions, a session's latest events, a small event insert and an update of a session's other
/// columns (title, updated_at): three reads to two writes. The sessions are the plan's own orphans, so an update can wait
/// on a batch's row locks: the contention a run inflicts on the application, and the lock waits the health gate watches.
/// <para>
/// Requests arrive at a fixed rate, as they reach a production application, not as fast as the database answers: a
/// workload that saturates the machine measures the machine's CPU shared out, not what a run costs an application that
/// has headroom. The connections are a pool serving one queue: each takes the next request when it is free, so a
/// connection stuck on a lock delays its own request while the others serve the rest. A request's latency counts from
/// the moment it arrived, so when every connection is busy the wait in the queue counts too.
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
    // The time between two requests, in Stopwatch ticks.
    private readonly long interval;
    private readonly long start = Stopwatch.GetTimestamp();
    private long nextRequest = -1;
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task<List<double>>> workers;

    private ApplicationWorkload(NpgsqlDataSource dataSource, int sessions, int connections, int rate)
    {
        this.dataSource = dataSource;
        this.sessions = sessions;
        interval = Stopwatch.Frequency / rate;
        workers = Enumerable.Range(0, connections).Select(_ => Task.Run(LoopAsync)).ToList();
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
        var elapsed = Stopwatch.GetElapsedTime(start);
        stop.Dispose();
        return new WorkloadFigures(latencies.Count, elapsed, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99));
    }

    private async Task<List<double>> LoopAsync()
    {
        var latencies = new List<double>();
        await using var connection = await dataSource.OpenConnectionAsync();
        while (!stop.IsCancellationRequested)
        {
            var request = Interlocked.Increment(ref nextRequest);
            var arrival = start + request * interval;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), arrival);
            if (wait > TimeSpan.Zero && !await DelayAsync(wait))
            {
                break;
            }
            // A connection that waited for its request sends it when its timer fires, which is whole milliseconds off the
            // arrival either way (early: a negative latency; late on a busy machine: the bench's own timer counted as the
            // database's). Its latency counts from the send. A connection that was busy when the request arrived counts
            // from the arrival: that wait in the queue is the application's.
            var from = wait > TimeSpan.Zero ? Stopwatch.GetTimestamp() : arrival;
            // Seeded by the request's number: every phase replays the same requests, so phases differ by the run alone.
            var random = new Random(unchecked((int)request));
            var sql = Operations[random.Next(Operations.Length)];
            await connection.ExecuteAsync(sql, new { i = random.Next(1, sessions + 1) });
            latencies.Add(Stopwatch.GetElapsedTime(from).TotalMilliseconds);
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
