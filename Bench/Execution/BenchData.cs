using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Bench.Execution;

/// <summary>
/// Orphans and confident plans for measuring the Executor: sessions only (no events, the Executor
/// never reads them), with deterministic ids, and approved plans written as the Analyzer would.
/// </summary>
public static class BenchData
{
    /// <summary>
    /// The target schema with its sentinel, 50 projects and <paramref name="orphans"/> orphans, and the tool schema;
    /// returns an open connection for the caller's plans.
    /// </summary>
    public static async Task<NpgsqlConnection> SeedDatabaseAsync(NpgsqlDataSource dataSource, int orphans)
    {
        var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(SqlScripts.Read("TargetSchema.sql"));
        await connection.ExecuteAsync(
            "INSERT INTO projects (id, name) VALUES (@Id, @Name)", new { SentinelProject.Id, Name = SentinelProject.Name });
        await SeedOrphansAsync(connection, orphans);
        await connection.ExecuteAsync(SqlScripts.Read("TargetIndexes.sql"), commandTimeout: 600);
        await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();
        return connection;
    }

    /// <summary>50 projects and <paramref name="total"/> orphans, numbered from 1, into target tables that exist.</summary>
    public static Task SeedOrphansAsync(NpgsqlConnection connection, int total) =>
        connection.ExecuteAsync("""
            INSERT INTO projects (id, name) SELECT md5('bench-project-' || p)::uuid, 'bench-' || p FROM generate_series(0, 49) AS p;
            INSERT INTO sessions (id, agent_type, title) SELECT md5('bench-session-' || i)::uuid, 'bench', 'orphan ' || i
                FROM generate_series(1, @total) AS i;
            """, new { total }, commandTimeout: 600);

    /// <summary>An approved plan assigning orphans <paramref name="first"/>..<paramref name="last"/> confidently.</summary>
    public static async Task<Guid> InsertPlanAsync(NpgsqlConnection connection, int first, int last)
    {
        var planId = Guid.NewGuid();
        await connection.ExecuteAsync("""
            INSERT INTO backfill.plans (id, created_by, prior, confident_threshold, tentative_threshold, total, confident, tentative,
                                        manual_review, unassigned, risks, recommendations, analysis_duration_ms)
            VALUES (@planId, 'bench', 1, 0.9, 0.6, @count, @count, 0, 0, 0, '[]', '[]', 0);
            INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, confidence, events_total,
                evidence_events, reasoning)
            SELECT @planId, md5('bench-session-' || i)::uuid, 'confident', md5('bench-project-' || (i % 50))::uuid, 0.95, 20, 20, 'bench'
            FROM generate_series(@first, @last) AS i;
            INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'bench');
            """, new { planId, first, last, count = last - first + 1 }, commandTimeout: 600);
        return planId;
    }
}
