using System.Net;
using System.Text;
using AspireMigration.Executor.Consumers;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using MassTransit;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace AspireMigration.Executor.Tests;

/// <summary>Input the Executor must refuse without changing anything or stopping: broken messages, and a database that is not the
/// target.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class BadInputTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Malformed_and_oversized_messages_end_in_the_error_and_skipped_queues_and_the_next_run_completes()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var prefix = ExecutorApp.NewEndpointPrefix();
        await using var app = new ExecutorApp(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey, prefix);
        var client = new RunClient(app.CreateClient());
        var queue = new KebabCaseEndpointNameFormatter(prefix, false).Consumer<MigrateBatchConsumer>();

        var factory = new ConnectionFactory { Uri = new Uri(infrastructure.MessagingConnectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclarePassiveAsync(queue);
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
            await channel.BasicPublishAsync("", queue, true, properties, Encoding.UTF8.GetBytes("{ \"messageType\": [\"urn:message:"));
            await channel.BasicPublishAsync(
                "", queue, true, properties, Encoding.UTF8.GetBytes("{\"message\": \"" + new string('x', 8 * 1024 * 1024) + "\"}"));
        }

        await Eventually.HoldsAsync(async () =>
            await MessageCountAsync(connection, queue + "_error") + await MessageCountAsync(connection, queue + "_skipped") >= 2);
        // The garbage cannot be deserialized (error queue); the oversized envelope names no message type a consumer takes (skipped queue).
        Assert.Equal((1u, 1u, 0u),
            (await MessageCountAsync(connection, queue + "_error"), await MessageCountAsync(connection, queue + "_skipped"),
            await MessageCountAsync(connection, queue)));

        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        Assert.Equal(("Completed", 15), (run.State, run.Migrated));
        await RunConsistency.AssertAsync(scenario, run);
    }

    [Theory]
    [InlineData("ALTER TABLE sessions RENAME TO sessions_legacy", "sessions_legacy",
        "The target tables sessions do not exist in this database")]
    [InlineData("ALTER TABLE analytics_events RENAME TO events; ALTER TABLE projects RENAME TO teams", "sessions",
        "The target tables projects, analytics_events do not exist")]
    [InlineData("""
        UPDATE analytics_events SET project_id = NULL WHERE project_id = '00000000-0000-0000-0000-000000000000';
        DELETE FROM projects WHERE id = '00000000-0000-0000-0000-000000000000'
        """, "sessions", "The sentinel project '__unassigned__' (00000000-0000-0000-0000-000000000000) does not exist")]
    public async Task A_database_without_the_target_tables_or_the_sentinel_fails_pre_flight_with_nothing_changed(
        string breakDatabase, string sessionsTable, string reason)
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var planId = await scenario.InsertPlanAsync();
        await scenario.ExecuteAsync(breakDatabase);
        var sessions = $"SELECT string_agg(row_to_json(s)::text, ',' ORDER BY s.id) FROM {sessionsTable} s";
        var before = await scenario.ScalarAsync<string>(sessions);

        var run = await client.WaitAsync(await client.StartAsync(planId));

        Assert.Equal("Failed", run.State);
        Assert.StartsWith(reason, run.Reason);
        await scenario.WaitUntilAsync(
            $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events WHERE run_id = '{run.RunId}' " +
            $"AND action = '{RunAuditActions.State(RunStates.Failed)}')");
        Assert.Equal(before, await scenario.ScalarAsync<string>(sessions));
        Assert.Equal(0L, await scenario.ScalarAsync<long>("""
            SELECT (SELECT count(*) FROM backfill.runs) + (SELECT count(*) FROM backfill.run_items) + (SELECT count(*)
                FROM backfill.run_backups)
                 + (SELECT count(*) FROM pg_tables WHERE schemaname = 'backfill' AND tablename LIKE 'sessions_backup_%')
            """));
    }

    [Fact]
    public async Task Wrong_database_credentials_keep_the_service_up_and_unhealthy_with_the_reason()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var wrongPassword = new NpgsqlConnectionStringBuilder(
            scenario.ConnectionString) { Password = "not-" + Guid.NewGuid().ToString("N") }.ConnectionString;
        await using var app = new ExecutorApp(wrongPassword, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        var http = app.CreateClient();

        var health = await http.GetAsync("/health");
        var details = await http.GetAsync("/health/details");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        var report = await details.Content.ReadAsStringAsync();
        Assert.Contains("The tool schema version could not be read: 28P01: password authentication failed", report);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task A_tool_schema_behind_this_build_keeps_the_service_up_and_unhealthy_until_the_migrator_ran()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var newest = ToolSchemaMigrator.ExpectedVersion;
        // What a database migrated by the previous build's migrator looks like to this build.
        await scenario.ExecuteAsync($"DELETE FROM backfill.schema_migrations WHERE name = '{newest}'");
        await using var app = new ExecutorApp(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        var http = app.CreateClient();

        var behind = await http.GetAsync("/health/details");
        await scenario.ExecuteAsync($"INSERT INTO backfill.schema_migrations (name) VALUES ('{newest}')");
        var current = await http.GetAsync("/health/details");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
        Assert.Contains($"The tool schema lacks 1 migration(s) this build expects ({newest}): run the migrator",
            await behind.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Contains($"The tool schema is at {newest}.", await current.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_Executor_told_to_retry_nothing_refuses_to_start_and_says_which_setting()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var app = new ExecutorApp(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString,
            infrastructure.ServiceApiKey, settings: new Dictionary<string, string> { ["Executor:Retries"] = "0" });

        var refused = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Equal("Executor:Retries is 0; it must be at least 1.", refused.Message);
    }

    /// <summary>The messages waiting in a queue; 0 while the queue does not exist (MassTransit creates the error queue on its first
    /// message).</summary>
    private static async Task<uint> MessageCountAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
