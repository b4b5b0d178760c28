using System.Text.Json;
using AspireMigration.Analyzer.Plans;
using Dapper;
using Npgsql;

namespace AspireMigration.Analyzer.Health;

/// <summary>Collects <see cref="HealthSummary"/> in a handful of cheap queries.</summary>
public sealed class HealthSummaryQuery(NpgsqlDataSource dataSource, PlanQueries plans)
{
    // The runs table belongs to the Executor. Its rows are read as JSON so this query depends only
    // on the table's name and a 'status' column, not on its full shape.
    private const string LastRunSql = """
        SELECT to_jsonb(r)::text FROM backfill.runs r
        ORDER BY coalesce(to_jsonb(r) ->> 'created_at', to_jsonb(r) ->> 'started_at') DESC NULLS LAST
        LIMIT 1
        """;

    private const string ActiveRunsSql = """
        SELECT count(*) FROM backfill.runs r
        WHERE lower(coalesce(to_jsonb(r) ->> 'status', '')) NOT IN
              ('completed', 'succeeded', 'failed', 'rolled_back', 'rolledback', 'cancelled', 'canceled', 'aborted', 'dry_run_completed')
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

        JsonElement? lastRun = null;
        long? activeRuns = null;
        if (await ExistsAsync(connection, "backfill.runs", cancellationToken))
        {
            var json = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(LastRunSql, cancellationToken: cancellationToken));
            lastRun = json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
            activeRuns = await connection.ExecuteScalarAsync<long>(new CommandDefinition(ActiveRunsSql, cancellationToken: cancellationToken));
        }

        var backups = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'backfill' AND table_name LIKE 'sessions\_backup\_%'
            ORDER BY table_name
            """, cancellationToken: cancellationToken));
        var lastPlan = await ExistsAsync(connection, "backfill.plans", cancellationToken) ? await plans.LatestAsync(cancellationToken) : null;
        return new HealthSummary(orphans, total, lastPlan, lastRun, activeRuns, backups.ToList());
    }

    private static Task<bool> ExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT to_regclass(@table) IS NOT NULL", new { table }, cancellationToken: cancellationToken));
}
