using System.Diagnostics;
using System.Globalization;
using AspireMigration.Bench.Execution;
using AspireMigration.Executor;
using AspireMigration.Executor.Api;
using AspireMigration.Executor.Pacing;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Bench.AppLoad;

/// <summary>
/// `app-load`: what a run costs the application on the same database. A scratch database of N orphans (two events each)
/// with a confident plan; the SQL floor of the run (<see cref="ExecutorBenchmark"/>'s); then a synthetic application
/// (<see cref="ApplicationWorkload"/>) measured idle, during a run with pacing off (fixed batches, no health gate) and during
/// a run with pacing on (adaptive batches, the health gate at its default thresholds, lock waits among them), the database
/// rolled back in between. One table: the application's ops/s and p50/p99 per phase, each run's time against the floor.
/// </summary>
public static class AppLoadBenchmark
{
    public const string Header =
        "| phase | app ops/s | app p50 (ms) | app p99 (ms) | p99 / idle | run (ms) | run / floor | batches | throttled (s) |";

    private const int WarmUpBatches = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = BenchConfiguration.Build(args);
        var options = AppLoadOptions.From(configuration);
        var server = BenchConfiguration.Server(configuration);
        var messaging = BenchConfiguration.Messaging(configuration);
        var loadBefore = LoadAverage();

        await using var database = await ScratchDatabase.CreateAsync(server);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var (planId, warmUpPlanId) = await SeedAsync(dataSource, options.Sessions, WarmUpBatches * options.BatchSize);
        var floor = await ExecutorBenchmark.MeasureFloorAsync(dataSource, planId);

        var endpointPrefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
        using var host = await StartExecutorAsync(database.ConnectionString, messaging, endpointPrefix);
        var bus = host.Services.GetRequiredService<IBus>();
        var sagas = host.Services.GetRequiredService<ILoadSagaRepository<MigrationRunState>>();
        var health = host.Services.GetRequiredService<IOptions<HealthThresholds>>().Value;
        var defaults = new HealthThresholds();
        var off = new HealthThresholds
        {
            ReplicationLagSeconds = null, UnreplayedWalMegabytes = null, LockWaits = null, OldestTransactionSeconds = null,
            VacuumsOnSessions = null, ConnectionsPercent = null,
        };

        // Without a gate, as runs were before pacing; the warm-up lets the JIT tier the hot paths up first.
        Apply(health, off);
        await RunAndRollBackAsync(bus, sagas, dataSource, warmUpPlanId, options.BatchSize, null);

        // The application warms up too, unmeasured (its queries' first plans and mappings, cold buffers): measured cold, the
        // idle phase would be the slowest and flatter every ratio to it.
        await MeasureIdleAsync(dataSource, options);
        List<AppLoadPhase> phases = [new AppLoadPhase("idle", await MeasureIdleAsync(dataSource, options), null, null, null)];

        phases.Add(await MeasureRunAsync("run, pacing off", bus, sagas, dataSource, planId, options, null));
        Apply(health, defaults);
        var adaptive = new RunPacing(Adaptive: true, TargetBatchMs: options.TargetBatchMs);
        phases.Add(await MeasureRunAsync("run, pacing on", bus, sagas, dataSource, planId, options, adaptive));
        await host.StopAsync();
        await EndpointCleanup.DeleteAsync(messaging, endpointPrefix);

        Report(output, options, floor.Run, phases, loadBefore, LoadAverage());
        return 0;
    }

    /// <summary>
    /// Orphans 1..sessions with two events each form the measured plan; the next <paramref name="warmUp"/> the warm-up's.
    /// </summary>
    private static async Task<(Guid PlanId, Guid WarmUpPlanId)> SeedAsync(NpgsqlDataSource dataSource, int sessions, int warmUp)
    {
        await using var connection = await BenchData.SeedDatabaseAsync(dataSource, sessions + warmUp);
        await connection.ExecuteAsync("""
            INSERT INTO analytics_events (actor, session_id, event_type, payload)
            SELECT 'user', md5('bench-session-' || i)::uuid, 'seed', '{}' FROM generate_series(1, @sessions) AS i, generate_series(1, 2)
            """, new { sessions }, commandTimeout: 600);
        var planId = await BenchData.InsertPlanAsync(connection, 1, sessions);
        var warmUpPlanId = await BenchData.InsertPlanAsync(connection, sessions + 1, sessions + warmUp);
        await connection.ExecuteAsync("ANALYZE sessions, analytics_events, backfill.plan_items", commandTimeout: 600);
        return (planId, warmUpPlanId);
    }

    private static async Task<IHost> StartExecutorAsync(string connectionString, string messaging, string endpointPrefix)
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = typeof(ExecutorEndpoints).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = connectionString,
            ["ConnectionStrings:messaging"] = messaging,
            ["Executor:EndpointPrefix"] = endpointPrefix,
            // A bench leaves nothing on a broker that may be its user's: the queues go with their consumers.
            ["Executor:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddExecutor();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static async Task<WorkloadFigures> MeasureIdleAsync(NpgsqlDataSource dataSource, AppLoadOptions options)
    {
        var workload = ApplicationWorkload.Start(dataSource, options.Sessions, options.Connections, options.Rate);
        await Task.Delay(options.Idle);
        return await workload.StopAsync();
    }

    /// <summary>The application measured while a run of the plan migrates; then the run is rolled back for the next phase.</summary>
    private static async Task<AppLoadPhase> MeasureRunAsync(string name, IBus bus, ILoadSagaRepository<MigrationRunState> sagas,
        NpgsqlDataSource dataSource, Guid planId, AppLoadOptions options, RunPacing? pacing)
    {
        var workload = ApplicationWorkload.Start(dataSource, options.Sessions, options.Connections, options.Rate);
        var (run, elapsed, application) = await RunAndRollBackAsync(bus, sagas, dataSource, planId, options.BatchSize, pacing, workload);
        return new AppLoadPhase(name, application!, elapsed, run.TotalBatches, run.ThrottledSeconds);
    }

    /// <summary>A run of the plan to completion (the application, if any, stopped then), and its forced rollback.</summary>
    private static async Task<(MigrationRunState Run, TimeSpan Elapsed, WorkloadFigures? Application)> RunAndRollBackAsync(IBus bus,
        ILoadSagaRepository<MigrationRunState> sagas, NpgsqlDataSource dataSource, Guid planId, int batchSize, RunPacing? pacing,
        ApplicationWorkload? workload = null)
    {
        var runId = Guid.NewGuid();
        var started = Stopwatch.GetTimestamp();
        await bus.Publish(new StartRun(runId, planId, "bench", BatchSize: batchSize, Pacing: pacing));
        var run = await ExecutorBenchmark.WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.Completed));
        var elapsed = Stopwatch.GetElapsedTime(started);
        var application = workload is null ? null : await workload.StopAsync();
        // Forced: the application edited some of the run's sessions, and the next phase needs every one of them an orphan again.
        await bus.Publish(new RollbackRun(runId, "bench", Force: true));
        await ExecutorBenchmark.WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.RolledBack));
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("VACUUM ANALYZE sessions, analytics_events", commandTimeout: 600);
        return (run, elapsed, application);
    }

    // IOptions<T> hands every reader the same instance, so the Executor's probe reads these thresholds from its next reading on.
    private static void Apply(HealthThresholds target, HealthThresholds source)
    {
        target.ReplicationLagSeconds = source.ReplicationLagSeconds;
        target.UnreplayedWalMegabytes = source.UnreplayedWalMegabytes;
        target.LockWaits = source.LockWaits;
        target.OldestTransactionSeconds = source.OldestTransactionSeconds;
        target.VacuumsOnSessions = source.VacuumsOnSessions;
        target.ConnectionsPercent = source.ConnectionsPercent;
    }

    /// <summary>The machine's 1-minute load average (Linux): the figures are only as quiet as the machine was.</summary>
    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static void Report(TextWriter output, AppLoadOptions options, TimeSpan floor, IReadOnlyList<AppLoadPhase> phases,
        string loadBefore, string loadAfter)
    {
        var idleP99 = phases[0].Application.P99Ms;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sessions {options.Sessions:N0}, {options.Connections} application connections sharing {options.Rate} operations/s, "
            + $"pacing off: batches of "
            + $"{options.BatchSize}, pacing on: adaptive to {options.TargetBatchMs} ms with the health gate; SQL floor "
            + $"{floor.TotalMilliseconds:F0} ms; load average {loadBefore} before, {loadAfter} after"));
        output.WriteLine(Header);
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, app, run, batches, throttled) in phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {app.OperationsPerSecond:F0} | {app.P50Ms:F1} | {app.P99Ms:F1} | {app.P99Ms / idleP99:F2} | "
                + $"{Cell(run?.TotalMilliseconds, "F0")} | {Cell(run / floor, "F2")} | {Cell(batches, "D")} | {Cell(throttled, "F1")} |"));
        }
    }

    private static string Cell<T>(T? value, string format) where T : struct, IFormattable =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
