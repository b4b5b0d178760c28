using AspireMigration.Analyzer.Plans;
using AspireMigration.Shared.Contracts.Api.Overview;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Health;

/// <summary>Collects <see cref="HealthSummary"/> in a handful of cheap queries.</summary>
public sealed class HealthSummaryQuery(NpgsqlDataSource dataSource, PlanQueries plans)
{
    // The runs and saga tables belong to the Executor; the tool schema migrations create both. Its times are the saga's, as the
    // run's page and `runs show` print them: pre-flight writes the runs row a moment after the request and its step finishes a
    // moment before the saga records it, so the row's own times would put one run at two different seconds.
    private const string LastRunSql = """
        SELECT r.run_id AS RunId, r.plan_id AS PlanId, coalesce(s.current_state, 'Pending') AS State, r.dry_run AS DryRun,
               coalesce((s.state->>'createdAt')::timestamptz, r.created_at) AS CreatedAt,
               coalesce((s.state->>'finishedAt')::timestamptz, r.finished_at) AS FinishedAt
        FROM backfill.runs r LEFT JOIN backfill.run_sagas s ON s.correlation_id = r.run_id
        ORDER BY r.created_at DESC LIMIT 1
        """;

    public async Task<HealthSummary> GetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long? orphans = null, total = null;
        if (await ExistsAsync(connection, "public.sessions", cancellationToken))
        {
            (orphans, total) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(
                "SELECT count(*) FILTER (WHERE project_id IS NULL), count(*) FROM sessions", cancellationToken: cancellationToken));
        }

        var lastRun = await connection.QuerySingleOrDefaultAsync<RunFigures>(
            new CommandDefinition(LastRunSql, cancellationToken: cancellationToken));
        var activeRuns = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM backfill.runs WHERE active", cancellationToken: cancellationToken));

        var backups = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'backfill' AND table_name LIKE 'sessions\_backup\_%'
            ORDER BY table_name
            """, cancellationToken: cancellationToken));
        var lastPlan = await plans.LatestAsync(cancellationToken);
        return new HealthSummary(orphans, total, lastPlan, lastRun, activeRuns, backups.ToList());
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(
            new CommandDefinition("SELECT to_regclass(@table) IS NOT NULL", new { table }, cancellationToken: cancellationToken));
}
