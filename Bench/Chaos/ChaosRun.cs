using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AspireMigration.Bench.Execution;
using AspireMigration.Executor.Persistence;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using Dapper;
using Npgsql;

namespace AspireMigration.Bench.Chaos;

/// <summary>
/// `bench --chaos N [--seed S] [--timeout seconds] [--adaptive]`: one run of the scratch database's orphans on an
/// Executor process that is SIGKILLed N times at seeded random points (as soon as it is up, in pre-flight, backup, a
/// share of the sessions migrated, validation) and restarted on the same database and durable queues each time; then
/// the run must have completed with every batch applied exactly once. With --adaptive the run paces itself: one batch
/// at a time, each one's size decided when it is dispatched and recorded, as <see cref="AdaptivePacing"/> sets it.
/// Prints one line, and exits non-zero when not.
/// </summary>
public static class ChaosRun
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>A target so short, and sizes so small, that batch sizes change all through a bench-sized run.</summary>
    public static readonly RunPacing AdaptivePacing = new(Adaptive: true, TargetBatchMs: 20, MinBatch: 5, MaxBatch: 100);

    public static async Task<int> RunAsync(
        IConfiguration configuration, string server, string messaging, int sessions, int batchSize, int kills,
        TextWriter output)
    {
        if (kills < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(configuration), kills, "--chaos counts kills: 1 or more.");
        }
        var seed = configuration.GetValue("seed", Random.Shared.Next());
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("timeout", 600));
        var points = KillPoint.Draw(new Random(seed), kills);
        var pacing = configuration.GetValue("adaptive", false) ? AdaptivePacing : null;
        var batches = pacing is null ? $"batches of {batchSize}"
            : $"adaptive batches of {pacing.MinBatch}-{pacing.MaxBatch} sessions aimed at {pacing.TargetBatchMs} ms";
        output.WriteLine($"Chaos: seed {seed}, {sessions} sessions in {batches}, kills aimed at: {string.Join(", ", points)}");

        await using var database = await ScratchDatabase.CreateAsync(server);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var connection = await BenchData.SeedDatabaseAsync(dataSource, sessions))
        {
            var planId = await BenchData.InsertPlanAsync(connection, 1, sessions);
            await connection.ExecuteAsync("ANALYZE sessions, backfill.plan_items", commandTimeout: 600);
            var endpointPrefix = "chaos-" + Guid.NewGuid().ToString("N")[..8];
            var log = Path.Combine(Path.GetTempPath(), $"{endpointPrefix}.log");
            IReadOnlyList<string> problems;
            (MigrationRunState? Run, string? Stopped, int Killed, TimeSpan Elapsed) outcome;
            await using (var logWriter = new StreamWriter(log))
            {
                var executor = new ChaosExecutor(database.ConnectionString, messaging, endpointPrefix, TextWriter.Synchronized(logWriter));
                try
                {
                    outcome = await RunAsync(executor, dataSource, planId, batchSize, pacing, points, timeout, output);
                    problems = outcome.Run is null ? [outcome.Stopped!] : await ChaosChecks.FindProblemsAsync(dataSource, outcome.Run);
                }
                finally
                {
                    executor.Kill();
                    await EndpointCleanup.DeleteAsync(messaging, endpointPrefix);
                }
            }
            var (run, _, killed, elapsed) = outcome;
            if (killed < kills)
            {
                problems = [$"the run finished after {killed} of {kills} kills", .. problems];
            }
            if (problems.Count > 0)
            {
                output.WriteLine($"Chaos run FAILED after {killed} kills (seed {seed}): {string.Join("; ", problems)}");
                output.WriteLine(await DescribeAsync(dataSource));
                output.WriteLine($"Executor output: {log}");
                return 1;
            }
            var (redispatched, redelivered) = await connection.QuerySingleAsync<(long, long)>($"""
                SELECT count(*) FILTER (WHERE action = '{RunAuditActions.Redispatched}'),
                       count(*) FILTER (WHERE action = '{RunAuditActions.BatchRedelivered}')
                FROM backfill.run_audit_events WHERE run_id = @runId
                """, new { runId = run!.CorrelationId });
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{killed} kills, run Completed, every batch exactly once: {run.Migrated} sessions in {run.TotalBatches} batches, " +
                $"wall time {elapsed.TotalSeconds:F1} s, {redispatched} commands re-sent by the reconciler, " +
                $"{redelivered} batches redelivered (seed {seed})"));
            File.Delete(log);
            return 0;
        }
    }

    /// <summary>Starts the run, kills at each point the run reaches, and waits for it to finish: the run (or, if it did not, why
    /// the bench stopped waiting), the kills done, the wall time.</summary>
    private static async Task<(MigrationRunState? Run, string? Stopped, int Killed, TimeSpan Elapsed)> RunAsync(
        ChaosExecutor executor, NpgsqlDataSource dataSource, Guid planId,
        int batchSize, RunPacing? pacing, IReadOnlyList<KillPoint> points, TimeSpan timeout, TextWriter output)
    {
        await executor.StartAsync();
        var started = Stopwatch.StartNew();
        // Not awaited: the API answers once the saga holds the run, and by then a small run may be well on its way (on a
        // loaded machine it had finished, and no kill landed). The run is watched from the moment its saga exists.
        var start = StartRunAsync(executor, planId, batchSize, pacing);
        var killed = 0;
        await using var hold = new FinishHold(dataSource);
        using var deadline = new CancellationTokenSource(timeout);
        while (!deadline.IsCancellationRequested)
        {
            var run = await LoadAsync(dataSource, planId);
            // The claim's row is written up to the backup and not again until validation ends the run.
            if (!hold.IsHeld && killed < points.Count && run?.CurrentState == RunStates.Migrating)
            {
                await hold.TakeAsync(run.CorrelationId);
            }
            if (run is not null && MigrationRunStateMachine.IsFinished(run.CurrentState))
            {
                return (run, null, killed, started.Elapsed);
            }
            if (run is null && start.IsCompleted && await start is { } refused)
            {
                return (null, $"the API did not start the run: {refused}", killed, started.Elapsed);
            }
            // Nothing to aim at before the run exists or the API has answered for it.
            if (run is null && !start.IsCompleted)
            {
                await Task.Delay(PollInterval);
                continue;
            }
            if (killed < points.Count && points[killed].IsReachedBy(run))
            {
                executor.Kill();
                killed++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Kill {killed} (aimed {points[killed - 1]}) at {started.Elapsed.TotalSeconds:F1} s: " +
                    $"{run?.CurrentState ?? "StartRun not consumed yet"}, " +
                    $"{run?.CompletedBatches.Count ?? 0} of {run?.TotalBatches ?? 0} batches done"));
                if (killed == points.Count)
                {
                    await hold.ReleaseAsync();
                }
                executor.Restart();
                continue;
            }
            if (executor.HasCrashed)
            {
                var at = started.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
                return (null, $"the Executor exited on its own at {at} s", killed, started.Elapsed);
            }
            await Task.Delay(PollInterval);
        }
        return (null, $"the run did not finish within {timeout.TotalSeconds:F0} s", killed, started.Elapsed);
    }

    /// <summary>Null once the API accepted the run; why not, if it did not (a kill that lands during the call ends it too).</summary>
    private static async Task<string?> StartRunAsync(ChaosExecutor executor, Guid planId, int batchSize, RunPacing? pacing)
    {
        try
        {
            await executor.StartRunAsync(planId, batchSize, pacing);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return e.Message;
        }
    }

    /// <summary>The plan's run (the scratch database holds one), by the plan: its id is known before the API answers.</summary>
    private static async Task<MigrationRunState?> LoadAsync(NpgsqlDataSource dataSource, Guid planId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var json = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT state::text FROM backfill.run_sagas WHERE (state ->> 'planId')::uuid = @planId", new { planId });
        return json is null ? null : JsonSerializer.Deserialize<MigrationRunState>(json, SagaJson.Options);
    }

    /// <summary>What a failed chaos run left, for the report: the saga, the ledger, the outbox and the audit trail.</summary>
    private static async Task<string> DescribeAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("""
            SELECT format(E'Saga: %s\nLedger: %s batches, %s migrated\nOutbox: %s\nAudit: %s',
                (SELECT string_agg(format('%s %s, updated %s', correlation_id, current_state, updated_at), '; ') FROM backfill.run_sagas),
                (SELECT count(*) FROM backfill.run_batches), (SELECT COALESCE(sum(migrated), 0) FROM backfill.run_batches),
                (SELECT COALESCE(string_agg(format('%s (%s)', message_type, created_at), ', '), 'empty') FROM backfill.saga_outbox),
                (SELECT string_agg(format('%s x%s', action, n), ', ' ORDER BY first) FROM (
                    SELECT action, count(*) AS n, min(occurred_at) AS first FROM backfill.run_audit_events GROUP BY action) a))
            """);
    }
}
