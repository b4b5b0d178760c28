using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AspireMigration.Executor.Pacing;

/// <summary>
/// Reads every indicator of the target database in one statement over the statistics views; the enabled ones come back
/// against their <see cref="HealthThresholds"/>.
/// </summary>
public sealed class PostgresHealthProbe(NpgsqlDataSource dataSource, IOptions<HealthThresholds> options, TimeProvider time)
    : IDatabaseHealthProbe
{
    // pg_locks is read once (a CTE calls pg_lock_status() once) so both of its uses see the same moment. A session waiting
    // on a row waits on the holder's transaction id, a lock without a relation: it counts when the same session holds
    // (or awaits) a lock on a target or tool table, which the waiting statement always does. Only this database's
    // transactions hold back the vacuum of its tables, and only its locks can block a batch, so both look no further.
    // Lock waits count the application's sessions, not this service's own: its batches, saga and outbox transactions
    // wait on one another now and then (the saga's row, a page being added to sessions), and a run that counted those
    // throttled itself. They are the sessions with this connection's application_name, the Executor's on every replica.
    // replay_lag keeps its last measurement for a while after a standby caught up: a standby with nothing left to
    // replay lags by nothing.
    private const string Sql = $"""
        WITH locks AS MATERIALIZED (SELECT pid, granted, database, relation FROM pg_locks),
        watched AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE (n.nspname = 'public' AND c.relname = ANY(@Tables)) OR n.nspname = '{ToolSchemaMigrator.Schema}'
        )
        SELECT
            coalesce((SELECT max(CASE WHEN pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) > 0
                                      THEN extract(epoch FROM replay_lag) ELSE 0 END)
                      FROM pg_stat_replication), 0)::float8 AS ReplicationLagSeconds,
            coalesce((SELECT max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)) FROM pg_stat_replication), 0)::float8
                / 1048576 AS UnreplayedWalMegabytes,
            (SELECT count(DISTINCT w.pid) FROM locks w
             WHERE NOT w.granted
               AND w.pid NOT IN (SELECT pid FROM pg_stat_activity
                                 WHERE application_name = current_setting('application_name') AND application_name <> '')
               AND EXISTS (
                 SELECT 1 FROM locks t JOIN watched ON watched.oid = t.relation
                 WHERE t.pid = w.pid AND t.database = (SELECT oid FROM pg_database WHERE datname = current_database())))::int
                AS LockWaits,
            -- now() is this statement's start: a transaction begun since reads as a negative age, printed "-0 s".
            greatest((SELECT extract(epoch FROM max(now() - xact_start)) FROM pg_stat_activity
                      WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()), 0)::float8
                AS OldestTransactionSeconds,
            (SELECT count(*) FROM pg_stat_progress_vacuum
             WHERE datname = current_database() AND relid = to_regclass('public.{TargetTables.Sessions}'))::int AS VacuumsOnSessions,
            (SELECT 100.0 * count(*) / current_setting('max_connections')::int FROM pg_stat_activity
             WHERE backend_type = 'client backend')::float8 AS ConnectionsPercent,
            pg_has_role('pg_read_all_stats', 'USAGE') AS SeesAllActivity,
            current_user::text AS RoleName
        """;

    /// <summary>Cheap by design; a server that cannot answer this in seconds is itself unhealthy.</summary>
    private const int TimeoutSeconds = 5;

    public async Task<DatabaseHealth> ReadAsync(CancellationToken cancellationToken)
    {
        var thresholds = options.Value;
        Reading reading;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            reading = await connection.QuerySingleAsync<Reading>(new CommandDefinition(
                Sql, new { Tables = TargetTables.All }, commandTimeout: TimeoutSeconds, cancellationToken: cancellationToken));
        }

        var indicators = new List<HealthIndicator>();
        void Add(string name, double value, double? threshold, string unit, bool needsAllActivity)
        {
            if (threshold is null)
            {
                return;
            }
            // Without pg_read_all_stats the statistics views hide other roles' figures as NULL: the indicator would read
            // healthy whatever the application suffers.
            if (needsAllActivity && !reading.SeesAllActivity)
            {
                throw new InvalidOperationException(
                    $"The database role \"{reading.RoleName}\" cannot see other roles' activity, so the '{name}' indicator " +
                    $"would always read healthy: GRANT pg_monitor TO \"{reading.RoleName}\", or switch the indicator off.");
            }
            indicators.Add(new HealthIndicator(name, value, threshold.Value, unit));
        }

        Add(HealthIndicatorNames.ReplicationLag, reading.ReplicationLagSeconds, thresholds.ReplicationLagSeconds, "s", true);
        Add(HealthIndicatorNames.UnreplayedWal, reading.UnreplayedWalMegabytes, thresholds.UnreplayedWalMegabytes, "MB", true);
        Add(HealthIndicatorNames.LockWaits, reading.LockWaits, thresholds.LockWaits, "sessions", false);
        Add(HealthIndicatorNames.OldestTransaction, reading.OldestTransactionSeconds, thresholds.OldestTransactionSeconds, "s", true);
        Add(HealthIndicatorNames.VacuumOnSessions, reading.VacuumsOnSessions, thresholds.VacuumsOnSessions, "running", true);
        Add(HealthIndicatorNames.Connections, reading.ConnectionsPercent, thresholds.ConnectionsPercent, "%", false);
        return new DatabaseHealth(indicators, time.GetUtcNow());
    }

    private sealed record Reading(
        double ReplicationLagSeconds,
        double UnreplayedWalMegabytes,
        int LockWaits,
        double OldestTransactionSeconds,
        int VacuumsOnSessions,
        double ConnectionsPercent,
        bool SeesAllActivity,
        string RoleName);
}
