using System.Diagnostics;
using System.Globalization;
using AspireMigration.Bench.Chaos;
using AspireMigration.Executor;
using AspireMigration.Executor.Api;
using AspireMigration.Executor.Saga;
using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;
using Dapper;
using MassTransit;
using Npgsql;

namespace AspireMigration.Bench.Execution;

/// <summary>
/// `dotnet run -c Release --project Bench -- run [--sessions N] [--batch-size N] [--trials N] [--replicas N] [--report json,csv,md]
/// [--chaos N [--seed S] [--adaptive]]`: builds
/// a scratch database of N orphans with a confident plan; then, once per trial, times the set-based SQL
/// floor (CREATE TABLE AS backup, one UPDATE, one UPDATE FROM backup) and the same work end to end through
/// the bus (run, then an operator rollback) on an in-process Executor warmed up by a 20-batch run of other
/// orphans, and prints each trial's ratios, per-batch p50/p99 and time per phase, then the median ratios.
/// Floor and bus alternate so that a busy moment of the machine weighs on both. With --replicas N, N-1
/// more Executor processes consume the same queues, and each process's share of the batches and peak
/// memory are printed. With --report, the last trial's report is downloaded over the API in each format named,
/// with its time and the bench process's peak memory during the download.
/// With --chaos N, one run on an Executor process killed N times instead (<see cref="ChaosRun"/>).
/// ConnectionStrings__appdb names a server the scratch database is created on; ConnectionStrings__messaging the broker.
/// </summary>
public static class ExecutorBenchmark
{
    private const int WarmUpBatches = 20;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var configuration = BenchConfiguration.Build(args);
        var sessions = configuration.GetValue("sessions", 100_000);
        var batchSize = configuration.GetValue("batch-size", StartRun.DefaultBatchSize);
        var replicas = configuration.GetValue("replicas", 1);
        if (replicas < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(args), replicas, "--replicas counts Executor processes, the bench's own included: 1 or more.");
        }
        var trials = BenchConfiguration.Trials(configuration, 3);
        var reportFormats = (configuration["report"] ?? "").Split(
            ',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var server = BenchConfiguration.Server(configuration);
        var messaging = BenchConfiguration.Messaging(configuration);
        if (configuration.GetValue<int?>("chaos") is { } kills)
        {
            return await ChaosRun.RunAsync(configuration, server, messaging, sessions, batchSize, kills, output);
        }

        var measurement = await MeasureAsync(server, messaging, sessions, batchSize, trials, replicas, reportFormats);
        Report(output, sessions, batchSize, measurement.Trials, measurement.Processes);
        measurement.Reports.ToList().ForEach(output.WriteLine);
        return 0;
    }

    /// <summary>
    /// <paramref name="trials"/> floors and bus runs with rollbacks of <paramref name="sessions"/> orphans on a scratch database
    /// created on <paramref name="server"/> and dropped afterwards, with <paramref name="replicas"/> Executor processes in all.
    /// </summary>
    public static async Task<ExecutionMeasurement> MeasureAsync(
        string server, string messaging, int sessions, int batchSize, int trials, int replicas,
        IReadOnlyList<string> reportFormats)
    {
        await using var database = await ScratchDatabase.CreateAsync(server);
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        var (planId, warmUpPlanId) = await SeedAsync(dataSource, sessions, WarmUpBatches * batchSize);
        return await MeasureAsync(
            dataSource, database.ConnectionString, messaging, new Plans(planId, warmUpPlanId), batchSize, trials, replicas, reportFormats);
    }

    /// <summary>Orphans 1..sessions form the measured plan; the next <paramref name="warmUp"/> orphans a small plan that warms the Executor
    /// up.</summary>
    private static async Task<(Guid PlanId, Guid WarmUpPlanId)> SeedAsync(NpgsqlDataSource dataSource, int sessions, int warmUp)
    {
        await using var connection = await BenchData.SeedDatabaseAsync(dataSource, sessions + warmUp);
        var planId = await BenchData.InsertPlanAsync(connection, 1, sessions);
        var warmUpPlanId = await BenchData.InsertPlanAsync(connection, sessions + 1, sessions + warmUp);
        await connection.ExecuteAsync("ANALYZE sessions, backfill.plan_items", commandTimeout: 600);
        return (planId, warmUpPlanId);
    }

    /// <summary>
    /// The least work that does the job: three set-based statements, restored afterwards so the bus run
    /// starts from the same data. Vacuumed before, too: a previous trial's rollback left dead rows.
    /// </summary>
    internal static async Task<Floor> MeasureFloorAsync(NpgsqlDataSource dataSource, Guid planId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("VACUUM ANALYZE sessions", commandTimeout: 600);
        var backup = await TimeAsync(connection, """
            CREATE TABLE backfill.floor_backup AS
            SELECT s.* FROM sessions s JOIN backfill.plan_items i ON i.session_id = s.id WHERE i.plan_id = @planId
            """, planId);
        var migrate = await TimeAsync(connection, """
            UPDATE sessions s SET project_id = i.target_project_id FROM backfill.plan_items i
            WHERE i.plan_id = @planId AND s.id = i.session_id AND s.project_id IS NULL
            """, planId);
        var restore = await TimeAsync(
            connection, "UPDATE sessions s SET project_id = b.project_id FROM backfill.floor_backup b WHERE s.id = b.id", planId);
        await connection.ExecuteAsync("DROP TABLE backfill.floor_backup");
        await connection.ExecuteAsync("VACUUM ANALYZE sessions");
        return new Floor(backup, migrate, restore);
    }

    private static async Task<ExecutionMeasurement> MeasureAsync(NpgsqlDataSource dataSource,
        string connectionString, string messaging, Plans plans, int batchSize, int trials, int replicas,
        IReadOnlyList<string> reportFormats)
    {
        var endpointPrefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var others = new List<BenchReplica>();
        try
        {
            for (var i = 1; i < replicas; i++)
            {
                others.Add(await BenchReplica.StartAsync(connectionString, messaging, endpointPrefix));
            }
            return await MeasureAsync(
                dataSource, connectionString, messaging, plans, batchSize, trials, reportFormats, endpointPrefix, others);
        }
        finally
        {
            others.ForEach(replica => replica.Dispose());
            await EndpointCleanup.DeleteAsync(messaging, endpointPrefix);
        }
    }

    private static async Task<ExecutionMeasurement> MeasureAsync(NpgsqlDataSource dataSource,
        string connectionString, string messaging, Plans plans, int batchSize, int trials, IReadOnlyList<string> reportFormats,
        string endpointPrefix,
        IReadOnlyList<BenchReplica> others)
    {
        var builder = WebApplication.CreateBuilder(
            new WebApplicationOptions { ApplicationName = typeof(ExecutorEndpoints).Assembly.GetName().Name });
        var serviceApiKey = Guid.NewGuid().ToString("N");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = connectionString,
            ["ConnectionStrings:messaging"] = messaging,
            ["Executor:EndpointPrefix"] = endpointPrefix,
            // A bench leaves nothing on a broker that may be its user's: the queues go with their consumers.
            ["Executor:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            // Only the bench's own report download calls the API.
            ["ServiceApi:Key"] = serviceApiKey,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddServiceApiSecurity();
        builder.AddExecutor();
        await using var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRunEndpoints();
        // The in-process Executor's peak is this measurement's alone, not an earlier one's of the same process.
        PeakMemory.StartOver();
        await app.StartAsync();

        var bus = app.Services.GetRequiredService<IBus>();
        var sagas = app.Services.GetRequiredService<ILoadSagaRepository<MigrationRunState>>();
        // A fresh process runs its first messages in unoptimised, instrumented code until the JIT has
        // tiered the hot paths up; a small run and rollback first, so the measurement sees a running service.
        await RunAndRollBackAsync(bus, sagas, plans.WarmUp, batchSize);

        var measured = new List<Trial>();
        var runId = Guid.Empty;
        for (var trial = 0; trial < trials; trial++)
        {
            var floor = await MeasureFloorAsync(dataSource, plans.Measured);
            (runId, var run, var rollback, var state) = await RunAndRollBackAsync(bus, sagas, plans.Measured, batchSize);
            measured.Add(new Trial(floor, await ReadRunAsync(dataSource, runId, run, rollback, state)));
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var batchesBy = (await connection.QueryAsync<(string ProcessedBy, int Batches)>(
            "SELECT processed_by, count(*)::int FROM backfill.run_batches WHERE run_id = @runId GROUP BY processed_by", new { runId }))
            .ToDictionary(b => b.ProcessedBy, b => b.Batches);
        var own = BatchProcessor.Current;
        var processes = others.Select(r => new ProcessFigures(r.Name, batchesBy.GetValueOrDefault(r.Name), r.PeakMemoryBytes))
            .Prepend(new ProcessFigures(
                own + " (bench, in-process Executor)", batchesBy.GetValueOrDefault(own), PeakMemory.Of(Environment.ProcessId)))
            .ToList();
        // After the peaks above were read: the download starts the bench process's peak over.
        var reports = reportFormats.Count == 0 ? []
            : await ReportDownload.MeasureAsync(new Uri(app.Urls.First()), serviceApiKey, runId, reportFormats);
        await app.StopAsync();
        return new ExecutionMeasurement(measured, processes, reports);
    }

    private static async Task<(Guid RunId, TimeSpan Run, TimeSpan Rollback, MigrationRunState Completed)> RunAndRollBackAsync(IBus bus,
        ILoadSagaRepository<MigrationRunState> sagas, Guid planId, int batchSize)
    {
        var runId = Guid.NewGuid();
        var run = Stopwatch.StartNew();
        await bus.Publish(new StartRun(runId, planId, "bench", BatchSize: batchSize));
        var state = await WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.Completed));
        run.Stop();
        var rollback = Stopwatch.StartNew();
        await bus.Publish(new RollbackRun(runId, "bench"));
        await WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.RolledBack));
        rollback.Stop();
        return (runId, run.Elapsed, rollback.Elapsed, state);
    }

    private static async Task<BusFigures> ReadRunAsync(
        NpgsqlDataSource dataSource, Guid runId, TimeSpan run, TimeSpan rollback, MigrationRunState state)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var (p50, p99) = await connection.QuerySingleAsync<(double, double)>("""
            SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms), percentile_cont(0.99) WITHIN GROUP (ORDER BY duration_ms)
            FROM backfill.run_batches WHERE run_id = @runId
            """, new { runId });
        // Where the time went: each state lasts until the next transition in the audit trail.
        var phases = (await connection.QueryAsync<(string State, double Ms)>("""
            SELECT state, ms FROM (
                SELECT substr(action, 7) AS state,
                       extract(epoch FROM lead(occurred_at) OVER (ORDER BY occurred_at, id) - occurred_at) * 1000 AS ms
                FROM backfill.run_audit_events WHERE run_id = @runId AND action LIKE 'state\_%') t
            WHERE state IN ('PreFlight', 'BackingUp', 'Migrating', 'Throttled', 'Waiting', 'Validating', 'RollingBack')
            """, new { runId })).ToList();
        return new BusFigures(run, rollback, state.Migrated, state.TotalBatches, p50, p99, phases);
    }

    internal static async Task<MigrationRunState> WaitAsync(ILoadSagaRepository<MigrationRunState> sagas, Guid runId, string state)
    {
        while (true)
        {
            var run = await sagas.Load(runId);
            if (run?.CurrentState == state)
            {
                return run;
            }
            if (run is not null && MigrationRunStateMachine.IsFinished(run.CurrentState)
                && run.CurrentState != nameof(MigrationRunStateMachine.Completed))
            {
                throw new InvalidOperationException($"Benchmark run ended {run.CurrentState}: {run.Reason}");
            }
            await Task.Delay(50);
        }
    }

    private static void Report(
        TextWriter output, int sessions, int batchSize, IReadOnlyList<Trial> trials, IReadOnlyList<ProcessFigures> processes)
    {
        for (var i = 0; i < trials.Count; i++)
        {
            var (floor, bus) = trials[i];
            var (backup, update, total, restore) = (floor.Backup.TotalMilliseconds, floor.Migrate.TotalMilliseconds,
                floor.Run.TotalMilliseconds, floor.Restore.TotalMilliseconds);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Trial {i + 1} of {trials.Count}: sessions {sessions}, batch size {batchSize}, batches {bus.Batches}, migrated {bus.Migrated}
                SQL floor: backup {backup:F0} ms + update {update:F0} ms = {total:F0} ms; restore {restore:F0} ms
                Bus run (StartRun -> Completed): {bus.Run.TotalMilliseconds:F0} ms = {trials[i].RunRatio:F1}x the floor
                Bus rollback (RollbackRun -> RolledBack): {bus.Rollback.TotalMilliseconds:F0} ms = {trials[i].RollbackRatio:F1}x the floor
                Per batch: p50 {bus.BatchP50:F1} ms, p99 {bus.BatchP99:F1} ms
                Phases: {string.Join(", ", bus.Phases.Select(p => $"{p.State} {p.Ms:F0} ms"))}
                Throughput: {bus.Migrated / bus.Run.TotalMinutes:F0} sessions/min end to end

                """));
        }
        var (runs, rollbacks, p99) = (Medians.Of(trials.Select(t => t.RunRatio)),
            Medians.Of(trials.Select(t => t.RollbackRatio)), Medians.Of(trials.Select(t => t.Bus.BatchP99)));
        // Formatted in the current culture, as a nested interpolation in the report below always was.
        var perProcess = string.Join(Environment.NewLine, processes.Select(p =>
            $"Executor {p.Name}: {p.Batches} batches in the last trial, peak memory {p.PeakBytes / (1024.0 * 1024):F0} MB"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Median of {trials.Count} trials: bus run {runs:F1}x the floor, bus rollback {rollbacks:F1}x the floor, batch p99 {p99:F1} ms
            {perProcess}
            """));
    }

    private static async Task<TimeSpan> TimeAsync(NpgsqlConnection connection, string sql, Guid planId)
    {
        var started = Stopwatch.GetTimestamp();
        await connection.ExecuteAsync(sql, new { planId }, commandTimeout: 600);
        return Stopwatch.GetElapsedTime(started);
    }

    private sealed record Plans(Guid Measured, Guid WarmUp);
}
