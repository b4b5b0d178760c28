using System.Text.Json;
using AspireMigration.Shared.Database;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// Upgrading a database whose plans were written before items carried their distribution: every item gets exactly the
/// events per project its plan recorded, nothing else changes, and the old table and index are gone.
/// </summary>
[Collection(AnalyzerCollection.Name)]
public sealed class DistributionMigrationTests(InfrastructureFixture fixture)
{
    private const string Migration = "0011_distribution_on_the_item.sql";

    [Fact]
    public async Task Plans_written_before_the_upgrade_keep_their_distributions()
    {
        await using var dataSource = NpgsqlDataSource.Create(await fixture.CreateDatabaseAsync());
        await ApplyMigrationsBeforeAsync(dataSource, Migration);
        var (plan, withTwo, withOne, withNone) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (frontend, backend) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO backfill.plan_items (plan_id, session_id, assignment_type, target_project_id, confidence, events_total,
                                                 evidence_events, reasoning)
                SELECT @plan, s, 'tentative', @frontend, 0.6, 5, 5, 'before the upgrade'
                FROM unnest(ARRAY[@withTwo, @withOne, @withNone]) s;
                INSERT INTO backfill.plan_distributions (plan_id, session_id, project_id, events) VALUES
                    (@plan, @withTwo, @frontend, 3), (@plan, @withTwo, @backend, 2), (@plan, @withOne, @backend, 5);
                """, new { plan, withTwo, withOne, withNone, frontend, backend });
        }

        var applied = await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();

        // This migration and every later one, in order.
        Assert.Equal(ToolSchemaMigrator.Expected.SkipWhile(name => name != Migration), applied);
        await using var check = await dataSource.OpenConnectionAsync();
        var distributions = (await check.QueryAsync<(Guid Session, string Distribution)>(
                "SELECT session_id, distribution::text FROM backfill.plan_items WHERE plan_id = @plan", new { plan }))
            .ToDictionary(r => r.Session, r => JsonSerializer.Deserialize<Dictionary<Guid, int>>(r.Distribution));
        Assert.Equal(new Dictionary<Guid, int> { [frontend] = 3, [backend] = 2 }, distributions[withTwo]);
        Assert.Equal(new Dictionary<Guid, int> { [backend] = 5 }, distributions[withOne]);
        Assert.Equal([], distributions[withNone]!);
        Assert.Equal(3, await check.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM backfill.plan_items WHERE plan_id = @plan AND reasoning = 'before the upgrade'", new { plan }));
        Assert.True(await check.ExecuteScalarAsync<bool>(
            "SELECT to_regclass('backfill.plan_distributions') IS NULL AND to_regclass('backfill.plan_items_confidence_idx') IS NULL"));
    }

    /// <summary>The schema as a database that stopped at the migration before <paramref name="migration"/> has it.</summary>
    private static async Task ApplyMigrationsBeforeAsync(NpgsqlDataSource dataSource, string migration)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync($"""
            CREATE SCHEMA {ToolSchemaMigrator.Schema};
            CREATE TABLE {ToolSchemaMigrator.Schema}.schema_migrations (
                name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """);
        foreach (var (name, sql) in SqlScripts.Migrations().TakeWhile(m => m.Name != migration))
        {
            await connection.ExecuteAsync(sql);
            await connection.ExecuteAsync($"INSERT INTO {ToolSchemaMigrator.Schema}.schema_migrations (name) VALUES (@name)", new { name });
        }
    }
}
