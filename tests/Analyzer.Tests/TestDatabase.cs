using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// An empty database with the target schema and the tool schema, and terse ways to put the rows a
/// test needs into it and to analyse it.
/// </summary>
public sealed class TestDatabase : MigratedDatabase
{
    public static readonly Guid Sentinel = SentinelProject.Id;

    private TestDatabase(string connectionString)
        : base(connectionString)
    {
    }

    public static async Task<TestDatabase> CreateAsync(InfrastructureFixture fixture, bool withSentinel = true)
    {
        var database = await CreateAsync(fixture, connectionString => new TestDatabase(connectionString));
        if (withSentinel)
        {
            await database.AddProjectAsync(SentinelProject.Name, id: Sentinel);
        }
        return database;
    }

    public async Task<Guid> AddProjectAsync(string name, string status = "active", Guid? id = null)
    {
        var projectId = id ?? Guid.NewGuid();
        await ExecuteAsync("INSERT INTO projects (id, name, status) VALUES (@projectId, @name, @status)", new { projectId, name, status });
        return projectId;
    }

    /// <summary>An orphan unless a project is given; ended unless <paramref name="stillActive"/>.</summary>
    public async Task<Guid> AddSessionAsync(Guid? projectId = null, bool stillActive = false)
    {
        var sessionId = Guid.NewGuid();
        await ExecuteAsync("""
            INSERT INTO sessions (id, project_id, agent_type, started_at, ended_at, updated_at)
            VALUES (@sessionId, @projectId, 'claude-code', now() - interval '2 hours',
                    CASE WHEN @stillActive THEN NULL ELSE now() - interval '1 hour' END, '2026-10-01T08:00:00Z')
            """, new { sessionId, projectId, stillActive });
        return sessionId;
    }

    /// <summary><paramref name="count"/> events of a session naming <paramref name="projectId"/> (null: no project).</summary>
    public Task AddEventsAsync(Guid sessionId, Guid? projectId, int count) =>
        ExecuteAsync("""
            INSERT INTO analytics_events (actor, project_id, session_id, event_type)
            SELECT 'agent', @projectId, @sessionId, 'file_edit' FROM generate_series(1, @count)
            """, new { sessionId, projectId, count });

    /// <summary>An orphan session with the given events per project (a null key stands for events without a project).</summary>
    public async Task<Guid> AddOrphanAsync(params (Guid? Project, int Events)[] events)
    {
        var sessionId = await AddSessionAsync();
        foreach (var (project, count) in events)
        {
            await AddEventsAsync(sessionId, project, count);
        }
        return sessionId;
    }

    public Task<PlanSummary> AnalyzeAsync(AnalysisSettings? settings = null) =>
        new AnalysisEngine(DataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance)
            .AnalyzeAsync(settings ?? AnalysisSettings.Default, "tests");

    public Task<Dictionary<Guid, PlanItem>> ItemsAsync(Guid planId) => ReadItemsAsync(DataSource, planId);

    public static async Task<Dictionary<Guid, PlanItem>> ReadItemsAsync(NpgsqlDataSource dataSource, Guid planId)
    {
        var items = new Dictionary<Guid, PlanItem>();
        await foreach (var item in new PlanQueries(dataSource).StreamItemsAsync(planId, CancellationToken.None))
        {
            items.Add(item.SessionId, item);
        }
        return items;
    }
}
