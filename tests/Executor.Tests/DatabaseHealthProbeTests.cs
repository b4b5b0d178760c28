using System.Diagnostics;
using System.Runtime.Versioning;
using AspireMigration.Executor.Pacing;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// Each indicator of <see cref="PostgresHealthProbe"/> trips on the real condition made on the fixture's server, and clears
/// when it ends. Each test switches on only the indicator it is about.
/// </summary>
[Collection(ExecutorCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class DatabaseHealthProbeTests(InfrastructureFixture infrastructure)
{
    private const double Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_standby_whose_replay_is_paused_trips_replication_lag_and_clears_once_it_resumes()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var standby = await StreamingStandby.StartAsync(infrastructure);
        var probe = Probe(scenario, t => (t.ReplicationLagSeconds, t.UnreplayedWalMegabytes) = (1, 1));
        await Eventually.HoldsAsync(async () => (await probe.ReadAsync(default)).Healthy);

        await standby.PauseReplayAsync();
        var before = await scenario.ScalarAsync<string>("SELECT pg_current_wal_lsn()::text");
        await scenario.ExecuteAsync(
            "INSERT INTO sessions (agent_type, title) SELECT 'app', repeat('x', 200) FROM generate_series(1, 10000)");
        var written = await scenario.ScalarAsync<double>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), @before::pg_lsn)", new { before });
        // A paused standby's replay lag grows only as new WAL reaches it: the application keeps writing.
        DatabaseHealth health = null!;
        await Eventually.HoldsAsync(async () =>
        {
            await scenario.ExecuteAsync("INSERT INTO sessions (agent_type) VALUES ('app')");
            health = await probe.ReadAsync(default);
            return health.Indicators.All(i => i.Tripped);
        }, TimeSpan.FromSeconds(30));

        Assert.True(written > Megabyte);
        Assert.InRange(Indicator(health, HealthIndicatorNames.UnreplayedWal).Value, written / Megabyte, double.MaxValue);
        Assert.InRange(Indicator(health, HealthIndicatorNames.ReplicationLag).Value, 1, double.MaxValue);
        Assert.Contains($"{HealthIndicatorNames.ReplicationLag} ", health.Reason);

        await standby.ResumeReplayAsync();
        await Eventually.HoldsAsync(async () => (await probe.ReadAsync(default)).Healthy, TimeSpan.FromSeconds(30));
        // The server writes a little WAL of its own now and then (a standby snapshot every 15 s): caught up is zero at some point.
        await Eventually.HoldsAsync(async () => await standby.UnreplayedBytesAsync() == 0, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task An_application_session_waiting_on_a_sessions_row_trips_lock_waits_and_one_on_another_table_does_not()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await scenario.ExecuteAsync("CREATE TABLE app_settings (id int PRIMARY KEY, value text); INSERT INTO app_settings VALUES (1, 'a')");
        var probe = Probe(scenario, t => t.LockWaits = 0);

        await using (var settingsLock = await TransactionAsync(scenario, "SELECT 1 FROM app_settings WHERE id = 1 FOR UPDATE"))
        await using (var waiter = await scenario.DataSource.OpenConnectionAsync())
        {
            var waiting = waiter.ExecuteAsync("UPDATE app_settings SET value = 'b' WHERE id = 1");
            await WaitUntilBlockedAsync(scenario, waiter);
            Assert.True((await probe.ReadAsync(default)).Healthy);
            await settingsLock.DisposeAsync();
            await waiting;
        }

        await using var sessionLock = await SessionLock.TakeAsync(scenario, Scenario.Session(1));
        await using var application = await scenario.DataSource.OpenConnectionAsync();
        var update = application.ExecuteAsync("UPDATE sessions SET title = 'renamed' WHERE id = @id", new { id = Scenario.Session(1) });
        await WaitUntilBlockedAsync(scenario, application);

        var health = await probe.ReadAsync(default);
        var lockWaits = Indicator(health, HealthIndicatorNames.LockWaits);
        Assert.Equal((1d, true), (lockWaits.Value, lockWaits.Tripped));

        await sessionLock.ReleaseAsync();
        await update;
        Assert.True((await probe.ReadAsync(default)).Healthy);
    }

    [Fact]
    public async Task The_executors_own_sessions_waiting_on_one_another_are_not_the_applications_lock_waits()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        // Every replica's sessions carry the service's name, the probe's among them.
        var executor = new NpgsqlConnectionStringBuilder(Unpooled(scenario)) { ApplicationName = "AspireMigration.Executor" }
            .ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(executor);
        var probe = new PostgresHealthProbe(dataSource, Options.Create(Only(t => t.LockWaits = 0)), TimeProvider.System);

        await using var holder = new NpgsqlConnection(executor);
        await holder.OpenAsync();
        await holder.ExecuteAsync("BEGIN; SELECT 1 FROM sessions WHERE id = @id FOR UPDATE", new { id = Scenario.Session(1) });
        await using var batch = new NpgsqlConnection(executor);
        await batch.OpenAsync();
        var waiting = batch.ExecuteAsync("UPDATE sessions SET title = 'batch' WHERE id = @id", new { id = Scenario.Session(1) });
        await WaitUntilBlockedAsync(scenario, batch);

        var health = await probe.ReadAsync(default);

        Assert.Equal((0d, true), (Indicator(health, HealthIndicatorNames.LockWaits).Value, health.Healthy));
        await holder.ExecuteAsync("ROLLBACK");
        await waiting;
    }

    [Fact]
    public async Task An_idle_in_transaction_session_older_than_the_threshold_trips_oldest_transaction_for_a_least_privilege_role()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure, serviceRole: "am_" + Guid.NewGuid().ToString("N")[..12]);
        await using var serviceDataSource = NpgsqlDataSource.Create(scenario.ServiceConnectionString);
        var probe = new PostgresHealthProbe(
            serviceDataSource, Options.Create(Only(t => t.OldestTransactionSeconds = 1)), TimeProvider.System);

        // The application (another role) opens a transaction and leaves it idle.
        var idle = await TransactionAsync(scenario, "UPDATE sessions SET title = 'draft' WHERE id = @id", new { id = Scenario.Session(2) });
        await using (idle)
        {
            var opened = Stopwatch.StartNew();
            await Eventually.HoldsAsync(async () => (await probe.ReadAsync(default)).Indicators.Single().Tripped, TimeSpan.FromSeconds(10));
            var oldest = Indicator(await probe.ReadAsync(default), HealthIndicatorNames.OldestTransaction);
            Assert.InRange(oldest.Value, 1, opened.Elapsed.TotalSeconds + 1);
        }

        Assert.True((await probe.ReadAsync(default)).Healthy);
    }

    [Fact]
    public async Task A_role_that_cannot_see_other_roles_activity_is_told_to_grant_pg_monitor()
    {
        var role = "am_" + Guid.NewGuid().ToString("N")[..12];
        await using var scenario = await Scenario.CreateAsync(infrastructure, serviceRole: role);
        await scenario.ExecuteAsync($"REVOKE pg_monitor FROM \"{role}\"");
        await using var serviceDataSource = NpgsqlDataSource.Create(scenario.ServiceConnectionString);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new PostgresHealthProbe(serviceDataSource, Options.Create(new HealthThresholds()), TimeProvider.System).ReadAsync(default));
        Assert.Contains($"GRANT pg_monitor TO \"{role}\"", refused.Message, StringComparison.Ordinal);

        // The indicators every role can see still work without it.
        var health = await new PostgresHealthProbe(serviceDataSource,
            Options.Create(Only(t => (t.LockWaits, t.ConnectionsPercent) = (0, 100))), TimeProvider.System).ReadAsync(default);
        Assert.Equal([HealthIndicatorNames.LockWaits, HealthIndicatorNames.Connections], health.Indicators.Select(i => i.Name));
    }

    [Fact]
    public async Task A_vacuum_running_on_sessions_trips_until_it_ends()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var probe = Probe(scenario, t => t.VacuumsOnSessions = 0);
        await scenario.ExecuteAsync("UPDATE sessions SET title = title");

        // An open cursor keeps its scan's page pinned; VACUUM (FREEZE) must freeze that page, so it waits for the pin in the
        // middle of its work, where pg_stat_progress_vacuum shows it.
        await using (var cursor = await TransactionAsync(scenario, "DECLARE c CURSOR FOR SELECT * FROM sessions; FETCH 1 FROM c"))
        {
            await using var vacuum = new NpgsqlConnection(Unpooled(scenario));
            await vacuum.OpenAsync();
            var vacuuming = vacuum.ExecuteAsync("VACUUM (FREEZE) sessions");
            await Eventually.HoldsAsync(async () => !(await probe.ReadAsync(default)).Healthy, TimeSpan.FromSeconds(10));
            Assert.Equal(1, Indicator(await probe.ReadAsync(default), HealthIndicatorNames.VacuumOnSessions).Value);
            await cursor.CloseAsync();
            await vacuuming;
        }

        Assert.True((await probe.ReadAsync(default)).Healthy);
    }

    [Fact]
    public async Task Connections_over_the_threshold_trip_and_clear_once_closed()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var maxConnections = await scenario.ScalarAsync<int>("SELECT current_setting('max_connections')::int");
        var baseline = Indicator(
            await Probe(scenario, t => t.ConnectionsPercent = 100).ReadAsync(default), HealthIndicatorNames.Connections);
        // Ten connections over the baseline's share are five percent of max_connections over it.
        var probe = Probe(scenario, t => t.ConnectionsPercent = baseline.Value + 500.0 / maxConnections);

        var extra = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var connection = new NpgsqlConnection(Unpooled(scenario));
                extra.Add(connection);
                await connection.OpenAsync();
            }
            var connections = Indicator(await probe.ReadAsync(default), HealthIndicatorNames.Connections);
            Assert.True(connections.Tripped, connections.Describe());
        }
        finally
        {
            foreach (var connection in extra)
            {
                await connection.DisposeAsync();
            }
        }
        await Eventually.HoldsAsync(async () => (await probe.ReadAsync(default)).Healthy, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_reading_of_every_indicator_is_one_statement()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var probe = new PostgresHealthProbe(scenario.DataSource, Options.Create(new HealthThresholds()), TimeProvider.System);
        using var source = new ActivitySource(nameof(A_reading_of_every_indicator_is_one_statement));
        var statements = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (statements) { statements.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);

        DatabaseHealth health;
        string traceId;
        using (var reading = source.StartActivity("read"))
        {
            traceId = reading!.TraceId.ToHexString();
            health = await probe.ReadAsync(default);
        }

        Assert.Equal(6, health.Indicators.Count);
        Assert.True(health.Healthy, health.Reason);
        Activity[] mine;
        lock (statements)
        {
            mine = [.. statements.Where(a => a.Source.Name == "Npgsql" && a.TraceId.ToHexString() == traceId)];
        }
        var statement = Assert.Single(mine);
        Assert.Contains("pg_stat_replication", statement.DisplayName + string.Join(' ', statement.Tags.Select(t => t.Value)));
    }

    private static HealthIndicator Indicator(DatabaseHealth health, string name) => health.Indicators.Single(i => i.Name == name);

    /// <summary>Every indicator off but the ones <paramref name="enable"/> sets.</summary>
    private static HealthThresholds Only(Action<HealthThresholds> enable)
    {
        var thresholds = new HealthThresholds
        {
            ReplicationLagSeconds = null, UnreplayedWalMegabytes = null, LockWaits = null, OldestTransactionSeconds = null,
            VacuumsOnSessions = null, ConnectionsPercent = null,
        };
        enable(thresholds);
        return thresholds;
    }

    private static PostgresHealthProbe Probe(Scenario scenario, Action<HealthThresholds> enable) =>
        new(scenario.DataSource, Options.Create(Only(enable)), TimeProvider.System);

    /// <summary>An application transaction that ran one statement and stays open until its connection is disposed.</summary>
    private static async Task<NpgsqlConnection> TransactionAsync(Scenario scenario, string sql, object? parameters = null)
    {
        var connection = new NpgsqlConnection(Unpooled(scenario));
        await connection.OpenAsync();
        await connection.ExecuteAsync("BEGIN; " + sql, parameters);
        return connection;
    }

    private static string Unpooled(Scenario scenario) =>
        new NpgsqlConnectionStringBuilder(scenario.ConnectionString) { Pooling = false }.ConnectionString;

    private static async Task WaitUntilBlockedAsync(Scenario scenario, NpgsqlConnection waiter) =>
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = {waiter.ProcessID} AND NOT granted)", TimeSpan.FromSeconds(10));
}
