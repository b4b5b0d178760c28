using System.Net;
using System.Text.Json;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Npgsql;

namespace AspireMigration.AppHost.Tests;

[Collection(AppHostCollection.Name)]
public sealed class RunningStackTests(FullStackFixture fixture)
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task Every_resource_reports_healthy()
    {
        foreach (var name in FullStackFixture.Resources)
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var state), $"{name} has no state");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        }
    }

    [Fact]
    public void The_migrator_finished_with_exit_code_0_before_any_service_started()
    {
        Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(InfrastructureFixture.Migrator, out var migrator));
        Assert.Equal((KnownResourceStates.Finished, 0), (migrator.Snapshot.State?.Text, migrator.Snapshot.ExitCode));
        var finished = Assert.NotNull(migrator.Snapshot.StopTimeStamp);
        foreach (var service in new[] { "analyzer", "executor", "dashboard" })
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(service, out var state), $"{service} has no state");
            var started = Assert.NotNull(state.Snapshot.StartTimeStamp);
            // The two stamps come from different observers (the process start as the orchestrator saw it, at 10 ms
            // resolution, and the exit as Aspire was told of it), so they may disagree by a few tens of milliseconds.
            Assert.True(started >= finished - ClockSkew, $"{service} started at {started:O}, before the migrator finished at {finished:O}");
        }
    }

    [Theory]
    [InlineData("analyzer")]
    [InlineData("executor")]
    public async Task Service_health_details_report_its_database_and_broker_to_the_key_holder(string service)
    {
        using var client = fixture.App.CreateHttpClient(service).ActAs(fixture.ServiceApiKey, "viewer", Roles.Viewer);

        using var response = await client.GetAsync("/health/details");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var checks = report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Contains(checks, c => c.Contains("PostgreSql", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(checks, c => c.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        var toolSchema = report.RootElement.GetProperty("checks").GetProperty("tool-schema");
        Assert.Equal(("Healthy", $"The tool schema is at {ToolSchemaMigrator.ExpectedVersion}."),
            (toolSchema.GetProperty("status").GetString(), toolSchema.GetProperty("description").GetString()));
    }

    [Theory]
    [InlineData("analyzer")]
    [InlineData("executor")]
    [InlineData("dashboard")]
    public async Task Anonymous_health_answers_the_status_word_only(string service)
    {
        using var client = fixture.App.CreateHttpClient(service);

        using var health = await client.GetAsync("/health");
        using var alive = await client.GetAsync("/alive");
        using var details = await client.GetAsync("/health/details");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
        // The services answer 401; the Dashboard sends an anonymous browser to its sign-in page.
        Assert.True(details.StatusCode is HttpStatusCode.Unauthorized || details.RequestMessage!.RequestUri!.AbsolutePath == "/login",
            $"/health/details answered {(int)details.StatusCode} at {details.RequestMessage!.RequestUri}");
        Assert.DoesNotContain("checks", await details.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_endpoint_answers_without_dependencies()
    {
        using var client = fixture.App.CreateHttpClient("analyzer");
        using var response = await client.GetAsync("/alive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Demo_database_holds_the_seed_scenario()
    {
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("appdb"));
        await connection.OpenAsync();

        Assert.Equal(18L, await ScalarAsync<long>(connection, "SELECT count(*) FROM sessions WHERE project_id IS NULL"));
        Assert.Equal(60L, await ScalarAsync<long>(connection, "SELECT count(*) FROM sessions WHERE project_id IS NOT NULL"));
        Assert.Equal("__unassigned__", await ScalarAsync<string>(connection,
            "SELECT name FROM projects WHERE id = '00000000-0000-0000-0000-000000000000'"));
        // Still-active orphans (ended_at NULL) are part of the scenario.
        Assert.Equal(2L, await ScalarAsync<long>(
            connection, "SELECT count(*) FROM sessions WHERE project_id IS NULL AND ended_at IS NULL"));
        // One orphan left no events at all; one left only events without a project.
        Assert.Equal(1L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM sessions s WHERE s.project_id IS NULL " +
            "AND NOT EXISTS (SELECT 1 FROM analytics_events e WHERE e.session_id = s.id)"));
        Assert.Equal(3L, await ScalarAsync<long>(connection, """
            SELECT count(*) FROM sessions s WHERE s.project_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM analytics_events e WHERE e.session_id = s.id AND e.project_id IS NOT NULL
                  AND e.project_id <> '00000000-0000-0000-0000-000000000000')
            """));
    }

    [Fact]
    public async Task The_migrator_creates_the_tool_schema_without_touching_the_target_tables()
    {
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("appdb"));
        await connection.OpenAsync();

        Assert.True(await ScalarAsync<bool>(connection, "SELECT to_regclass('backfill.plans') IS NOT NULL"));
        Assert.Equal(string.Join(",", ToolSchemaMigrator.Expected),
            await ScalarAsync<string>(connection, "SELECT string_agg(name, ',' ORDER BY name) FROM backfill.schema_migrations"));
        Assert.Equal(0L, await ScalarAsync<long>(connection,
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'sessions' " +
            "AND column_name NOT IN ('id','project_id','agent_type','started_at','ended_at','title','description','updated_at')"));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
