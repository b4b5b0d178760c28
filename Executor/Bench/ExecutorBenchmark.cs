using System.Diagnostics;
using System.Globalization;
using AspireMigration.Executor.Saga;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Database;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Executor.Bench;

/// <summary>
/// `dotnet run -c Release --project Executor -- bench [--sessions N] [--batch-size N] [--replicas N]`: builds a scratch
/// database of N orphans with a confident plan, times the set-based SQL floor (CREATE TABLE AS backup,
/// one UPDATE, one UPDATE FROM backup), then the same work end to end through the bus (run, then an
/// operator rollback) on an in-process Executor warmed up by a 20-batch run of other orphans, and prints
/// the ratios, per-batch p50/p99 and the time per phase. With --replicas N, N-1 more Executor processes
/// consume the same queues, and each process's share of the batches and peak memory are printed.
/// ConnectionStrings__appdb names a server the scratch database is created on; ConnectionStrings__messaging the broker.
/// </summary>
public static class ExecutorBenchmark
{
    private const int WarmUpBatches = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var sessions = configuration.GetValue("sessions", 100_000);
        var batchSize = configuration.GetValue("batch-size", StartRun.DefaultBatchSize);
        var replicas = configuration.GetValue("replicas", 1);
        if (replicas < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(args), replicas, "--replicas counts Executor processes, the bench's own included: 1 or more.");
        }
        var server = configuration.GetConnectionString("appdb") ?? throw new InvalidOperationException("Set ConnectionStrings__appdb.");
        var messaging = configuration.GetConnectionString("messaging") ?? throw new InvalidOperationException("Set ConnectionStrings__messaging.");

        var database = "bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE \"{database}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var (planId, warmUpPlanId) = await SeedAsync(dataSource, sessions, WarmUpBatches * batchSize);
            var floor = await MeasureFloorAsync(dataSource, planId);
            var bus = await MeasureBusAsync(dataSource, connectionString, messaging, planId, warmUpPlanId, batchSize, replicas);
            Report(sessions, batchSize, floor, bus);
            return 0;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    /// <summary>Orphans 1..sessions form the measured plan; the next <paramref name="warmUp"/> orphans a small plan that warms the Executor up.</summary>
    private static async Task<(Guid PlanId, Guid WarmUpPlanId)> SeedAsync(NpgsqlDataSource dataSource, int sessions, int warmUp)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(SqlScripts.Read("TargetSchema.sql"));
        await connection.ExecuteAsync("""
            INSERT INTO projects (id, name) VALUES ('00000000-0000-0000-0000-000000000000', '__unassigned__');
            INSERT INTO projects (id, name) SELECT md5('bench-project-' || p)::uuid, 'bench-' || p FROM generate_series(0, 49) AS p;
            INSERT INTO sessions (id, agent_type, title) SELECT md5('bench-session-' || i)::uuid, 'bench', 'orphan ' || i FROM generate_series(1, @total) AS i;
            """, new { total = sessions + warmUp }, commandTimeout: 600);
        await connection.ExecuteAsync(SqlScripts.Read("TargetIndexes.sql"), commandTimeout: 600);
        await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();
        var planId = await InsertPlanAsync(connection, 1, sessions);
        var warmUpPlanId = await InsertPlanAsync(connection, sessions + 1, sessions + warmUp);
        await connection.ExecuteAsync("ANALYZE sessions, backfill.plan_items", commandTimeout: 600);
        return (planId, warmUpPlanId);
    }

    private static async Task<Guid> InsertPlanAsync(NpgsqlConnection connection, int first, int last)
    {
        var planId = Guid.NewGuid();
        await connection.ExecuteAsync("""
            INSERT INTO backfill.plans (id, created_by, prior, confident_threshold, tentative_threshold, total, confident, tentative,
                                        manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@planId, 'bench', 1, 0.9, 0.6, @count, @count, 0, 0, 0, '[]', '[]', 0);
            INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, confidence, events_total, evidence_events, reasoning)
            SELECT @planId, md5('bench-session-' || i)::uuid, 'confident', md5('bench-project-' || (i % 50))::uuid, 0.95, 20, 20, 'bench'
            FROM generate_series(@first, @last) AS i;
            INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'bench');
            """, new { planId, first, last, count = last - first + 1 }, commandTimeout: 600);
        return planId;
    }

    /// <summary>The least work that does the job: three set-based statements, restored afterwards so the bus run starts from the same data.</summary>
    private static async Task<(TimeSpan Backup, TimeSpan Migrate, TimeSpan Restore)> MeasureFloorAsync(NpgsqlDataSource dataSource, Guid planId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var backup = await TimeAsync(connection, """
            CREATE TABLE backfill.floor_backup AS
            SELECT s.* FROM sessions s JOIN backfill.plan_items i ON i.session_id = s.id WHERE i.plan_id = @planId
            """, planId);
        var migrate = await TimeAsync(connection, """
            UPDATE sessions s SET project_id = i.target_project_id FROM backfill.plan_items i
            WHERE i.plan_id = @planId AND s.id = i.session_id AND s.project_id IS NULL
            """, planId);
        var restore = await TimeAsync(connection, "UPDATE sessions s SET project_id = b.project_id FROM backfill.floor_backup b WHERE s.id = b.id", planId);
        await connection.ExecuteAsync("DROP TABLE backfill.floor_backup");
        await connection.ExecuteAsync("VACUUM ANALYZE sessions");
        return (backup, migrate, restore);
    }

    private static async Task<BusFigures> MeasureBusAsync(NpgsqlDataSource dataSource, string connectionString, string messaging, Guid planId, Guid warmUpPlanId,
        int batchSize, int replicas)
    {
        var endpointPrefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var others = new List<BenchReplica>();
        try
        {
            for (var i = 1; i < replicas; i++)
            {
                others.Add(await BenchReplica.StartAsync(connectionString, messaging, endpointPrefix));
            }
            return await MeasureBusAsync(dataSource, connectionString, messaging, planId, warmUpPlanId, batchSize, endpointPrefix, others);
        }
        finally
        {
            others.ForEach(replica => replica.Dispose());
        }
    }

    private static async Task<BusFigures> MeasureBusAsync(NpgsqlDataSource dataSource, string connectionString, string messaging, Guid planId, Guid warmUpPlanId,
        int batchSize, string endpointPrefix, IReadOnlyList<BenchReplica> others)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(ExecutorBenchmark).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:appdb"] = connectionString,
            ["ConnectionStrings:messaging"] = messaging,
            ["Executor:EndpointPrefix"] = endpointPrefix,
            // A bench must not leave its queues behind: later runs would publish into them too.
            ["Executor:TemporaryEndpoints"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddExecutor();
        await using var app = builder.Build();
        await app.StartAsync();

        var bus = app.Services.GetRequiredService<IBus>();
        var sagas = app.Services.GetRequiredService<ILoadSagaRepository<MigrationRunState>>();
        // A fresh process runs its first messages in unoptimised, instrumented code until the JIT has
        // tiered the hot paths up; a small run and rollback first, so the measurement sees a running service.
        var warmUpRunId = Guid.NewGuid();
        await bus.Publish(new StartRun(warmUpRunId, warmUpPlanId, "bench", BatchSize: batchSize));
        await WaitAsync(sagas, warmUpRunId, nameof(MigrationRunStateMachine.Completed));
        await bus.Publish(new RollbackRun(warmUpRunId, "bench"));
        await WaitAsync(sagas, warmUpRunId, nameof(MigrationRunStateMachine.RolledBack));

        var runId = Guid.NewGuid();
        var run = Stopwatch.StartNew();
        await bus.Publish(new StartRun(runId, planId, "bench", BatchSize: batchSize));
        var state = await WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.Completed));
        run.Stop();
        var rollback = Stopwatch.StartNew();
        await bus.Publish(new RollbackRun(runId, "bench"));
        await WaitAsync(sagas, runId, nameof(MigrationRunStateMachine.RolledBack));
        rollback.Stop();

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
            WHERE state IN ('PreFlight', 'BackingUp', 'Migrating', 'Validating', 'RollingBack')
            """, new { runId })).ToList();
        var batchesBy = (await connection.QueryAsync<(string ProcessedBy, int Batches)>(
            "SELECT processed_by, count(*)::int FROM backfill.run_batches WHERE run_id = @runId GROUP BY processed_by", new { runId }))
            .ToDictionary(b => b.ProcessedBy, b => b.Batches);
        var own = Environment.MachineName + "/" + Environment.ProcessId;
        var processes = others.Select(r => new ProcessFigures(r.Name, batchesBy.GetValueOrDefault(r.Name), r.PeakMemoryBytes))
            .Prepend(new ProcessFigures(own + " (bench, in-process Executor)", batchesBy.GetValueOrDefault(own), PeakMemory.Of(Environment.ProcessId)))
            .ToList();
        await app.StopAsync();
        return new BusFigures(run.Elapsed, rollback.Elapsed, state.Migrated, state.TotalBatches, p50, p99, phases, processes);
    }

    private static async Task<MigrationRunState> WaitAsync(ILoadSagaRepository<MigrationRunState> sagas, Guid runId, string state)
    {
        while (true)
        {
            var run = await sagas.Load(runId);
            if (run?.CurrentState == state)
            {
                return run;
            }
            if (run is not null && MigrationRunStateMachine.IsFinished(run.CurrentState) && run.CurrentState != nameof(MigrationRunStateMachine.Completed))
            {
                throw new InvalidOperationException($"Benchmark run ended {run.CurrentState}: {run.Reason}");
            }
            await Task.Delay(50);
        }
    }

    private static void Report(int sessions, int batchSize, (TimeSpan Backup, TimeSpan Migrate, TimeSpan Restore) floor, BusFigures bus)
    {
        var floorRun = floor.Backup + floor.Migrate;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            sessions {sessions}, batch size {batchSize}, batches {bus.Batches}, migrated {bus.Migrated}
            SQL floor: backup {floor.Backup.TotalMilliseconds:F0} ms + update {floor.Migrate.TotalMilliseconds:F0} ms = {floorRun.TotalMilliseconds:F0} ms; restore {floor.Restore.TotalMilliseconds:F0} ms
            Bus run (StartRun -> Completed): {bus.Run.TotalMilliseconds:F0} ms = {bus.Run / floorRun:F1}x the floor
            Bus rollback (RollbackRun -> RolledBack): {bus.Rollback.TotalMilliseconds:F0} ms = {bus.Rollback / floor.Restore:F1}x the floor
            Per batch: p50 {bus.BatchP50:F1} ms, p99 {bus.BatchP99:F1} ms
            Phases: {string.Join(", ", bus.Phases.Select(p => $"{p.State} {p.Ms:F0} ms"))}
            Throughput: {bus.Migrated / bus.Run.TotalMinutes:F0} sessions/min end to end
            {string.Join(Environment.NewLine, bus.Processes.Select(p => $"Executor {p.Name}: {p.Batches} batches, peak memory {p.PeakBytes / (1024.0 * 1024):F0} MB"))}
            """));
    }

    private static async Task<TimeSpan> TimeAsync(NpgsqlConnection connection, string sql, Guid planId)
    {
        var started = Stopwatch.GetTimestamp();
        await connection.ExecuteAsync(sql, new { planId }, commandTimeout: 600);
        return Stopwatch.GetElapsedTime(started);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await connection.ExecuteAsync(sql);
    }

    private sealed record BusFigures(TimeSpan Run, TimeSpan Rollback, int Migrated, int Batches, double BatchP50, double BatchP99,
        IReadOnlyList<(string State, double Ms)> Phases, IReadOnlyList<ProcessFigures> Processes);

    private sealed record ProcessFigures(string Name, int Batches, long PeakBytes);
}
