using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The health figures, through /api/health-summary and as data of the analyzer check in /health.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class HealthTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Health_summary_counts_orphans_and_shows_the_last_plan_without_runs()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        await db.AddOrphanAsync((p1, 9));
        await db.AddOrphanAsync();
        await db.AddSessionAsync(projectId: p1);
        var plan = await db.AnalyzeAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/health-summary");

        Assert.Equal(2, summary.GetProperty("orphanCount").GetInt64());
        Assert.Equal(3, summary.GetProperty("totalSessions").GetInt64());
        Assert.Equal(plan.PlanId, summary.GetProperty("lastPlan").GetProperty("planId").GetGuid());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("lastRun").ValueKind);
        Assert.Equal(0, summary.GetProperty("activeRuns").GetInt64());
        Assert.Empty(summary.GetProperty("backupTables").EnumerateArray());
    }

    [Fact]
    public async Task Runs_and_backup_tables_are_reported_once_they_exist()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        // Rows as the Executor writes them: a finished run and a newer active one.
        await db.ExecuteAsync("""
            INSERT INTO backfill.runs (run_id, plan_id, requested_by, dry_run, active, phase, created_at) VALUES
                ('00000000-0000-0000-0000-0000000000a1', gen_random_uuid(), 'operator', false, false, 'finished', '2026-11-01T00:00:00Z'),
                ('00000000-0000-0000-0000-0000000000a2', gen_random_uuid(), 'operator', false, true, 'migrating', '2026-11-02T00:00:00Z');
            INSERT INTO backfill.run_sagas (correlation_id, version, current_state, state) VALUES
                ('00000000-0000-0000-0000-0000000000a1', 9, 'Completed', '{}'),
                ('00000000-0000-0000-0000-0000000000a2', 4, 'Migrating', '{"createdAt": "2026-11-02T00:00:01.5+00:00"}');
            CREATE TABLE backfill."sessions_backup_0123456789abcdef0123456789abcdef" (LIKE public.sessions);
            CREATE TABLE backfill.sessionsXbackupXnot (id int);
            """);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/health-summary");

        Assert.Equal(1, summary.GetProperty("activeRuns").GetInt64());
        Assert.Equal("Migrating", summary.GetProperty("lastRun").GetProperty("state").GetString());
        Assert.Equal(Guid.Parse("00000000-0000-0000-0000-0000000000a2"), summary.GetProperty("lastRun").GetProperty("runId").GetGuid());
        // The saga's request time, as the run's page prints it, not the moment pre-flight wrote the runs row.
        Assert.Equal(DateTimeOffset.Parse("2026-11-02T00:00:01.5Z", CultureInfo.InvariantCulture),
            summary.GetProperty("lastRun").GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(["sessions_backup_0123456789abcdef0123456789abcdef"],
            summary.GetProperty("backupTables").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("lastPlan").ValueKind);
    }

    [Fact]
    public async Task The_figures_are_data_of_the_analyzer_health_check()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.AddOrphanAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health/details");
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        var analyzer = report.GetProperty("checks").GetProperty("analyzer");
        Assert.Equal("Healthy", analyzer.GetProperty("status").GetString());
        Assert.Equal(1, analyzer.GetProperty("data").GetProperty("orphanCount").GetInt64());
        Assert.Equal(1, analyzer.GetProperty("data").GetProperty("totalSessions").GetInt64());
    }
}
