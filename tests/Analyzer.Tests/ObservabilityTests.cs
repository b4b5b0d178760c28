using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Health;
using AspireMigration.Shared.Contracts.Plans;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OpenTelemetry.Trace;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// The Analyzer's trace and metrics on the 18-orphan seed scenario, analysed through the API as the
/// Dashboard does, and its logs through a failure. The analysis instruments are static, shared by every host
/// in the process, so a measurement counts only when made under this analysis's span (tag plan.id).
/// </summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ObservabilityTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task The_seed_analysis_records_each_items_confidence_the_counts_per_type_and_its_duration_once()
    {
        var connectionString = await SeedDemoDatabaseAsync();
        using var metrics = MeasurementRecorder.ForStaticMeter(AnalyzerTelemetry.Name);
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateClient();

        var planId = await AnalyseAsync(client);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        var items = (await connection.QueryAsync<(string Type, decimal Confidence)>(
            "SELECT assignment_type, confidence FROM backfill.plan_items WHERE plan_id = @planId", new { planId })).ToList();
        var durationMs = await connection.ExecuteScalarAsync<double>(
            "SELECT analysis_duration_ms FROM backfill.plans WHERE id = @planId", new { planId });
        bool OfThisPlan(Measured m) => m.Under("plan.id", planId);

        var confidences = metrics.Of("migration.analysis.confidence").Where(OfThisPlan).Select(
            m => ((string)m.Tags["assignment.type"]!, m.Value));
        Assert.Equal(items.Select(i => (i.Type, (double)i.Confidence)).Order(), confidences.Order());

        var perType = metrics.Of("migration.analysis.plan_items").Where(OfThisPlan).ToDictionary(
            m => (string)m.Tags["assignment.type"]!, m => m.Value);
        Assert.Equal(items.GroupBy(i => i.Type).ToDictionary(g => g.Key, g => (double)g.Count()), perType);
        Assert.Equal(new Dictionary<string, double> { ["confident"] = 7, ["tentative"] = 5, ["manual_review"] = 3, ["unassigned"] = 3 },
            perType);

        var duration = Assert.Single(metrics.Of("migration.analysis.duration"), OfThisPlan);
        Assert.Equal(durationMs / 1000, duration.Value, 9);
    }

    [Fact]
    public async Task An_analysis_is_one_trace_from_the_dashboard_action_through_the_api_to_its_sql_and_its_message()
    {
        var connectionString = await SeedDemoDatabaseAsync();
        var spans = new List<Activity>();
        await using var analyzer = new AnalyzerApiFactory(fixture, connectionString);
        var factory = analyzer.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans))));
        Guid planId;
        ActivityTraceId traceId;
        try
        {
            factory.UseKestrel(0);
            factory.StartServer();
            using var client = factory.CreateClient();
            using var click = SpanTree.StartDashboardEvent();
            traceId = click.TraceId;
            planId = await AnalyseAsync(client);
        }
        finally
        {
            // Waits for the request to finish, then flushes the exporter: the list is complete.
            await factory.DisposeAsync();
        }

        var trace = SpanTree.Of(spans, traceId);
        var api = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(("/api/plans/", "System.Net.Http"), (api.GetTagItem("http.route"), SpanTree.ParentOf(trace, api).Source.Name));
        var analysis = Assert.Single(trace, s => s.Source.Name == AnalyzerTelemetry.Name);
        Assert.Equal((api.SpanId, planId, 18), (analysis.ParentSpanId, analysis.GetTagItem("plan.id"), analysis.GetTagItem("plan.items")));
        Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.Kind == ActivityKind.Client && s.ParentSpanId == analysis.SpanId);
        Assert.Contains(trace,
            s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer
            && s.DisplayName.Contains(nameof(PlanCreated), StringComparison.Ordinal)
            && s.ParentSpanId == api.SpanId);
        var secrets = ServiceSecrets.Of(connectionString, fixture.MessagingConnectionString, fixture.ServiceApiKey);
        Assert.All(spans, span =>
            Assert.DoesNotContain(secrets, secret => SpanTree.Describe(span).Contains(secret.Value, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_orphan_gauge_reports_the_databases_count_and_follows_it()
    {
        var connectionString = await SeedDemoDatabaseAsync();
        await using var analyzer = new AnalyzerApiFactory(fixture, connectionString);
        await using var factory = analyzer.WithWebHostBuilder(host => host.UseSetting(OrphanCountGauge.IntervalSetting, "00:00:00.2"));
        using var metrics = MeasurementRecorder.ForHost(factory.Services);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        const string OrphansSql = "SELECT count(*) FROM sessions WHERE project_id IS NULL";

        Assert.Equal(18, await connection.ExecuteScalarAsync<long>(OrphansSql));
        await WaitForGaugeAsync(metrics, 18);

        await connection.ExecuteAsync(
            "UPDATE sessions SET project_id = '10000000-0000-0000-0000-000000000001' WHERE id = '5e550000-0000-0000-0000-000000000001'");
        Assert.Equal(17, await connection.ExecuteScalarAsync<long>(OrphansSql));
        await WaitForGaugeAsync(metrics, 17);
    }

    [Fact]
    public async Task No_password_connection_string_or_key_is_ever_logged_even_on_failures()
    {
        var connectionString = await SeedDemoDatabaseAsync();
        var logs = new LogCapture();
        await using var analyzer = new AnalyzerApiFactory(fixture, connectionString);
        await using var factory = analyzer.WithWebHostBuilder(host => host.ConfigureTestServices(logs.AddTo));
        using var client = factory.CreateClient();

        await AnalyseAsync(client);
        using var invalid = await client.PostAsJsonAsync("/api/plans", new { prior = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("ALTER TABLE analytics_events RENAME TO analytics_events_moved");
        }
        using var unanalysable = await client.PostAsync("/api/plans", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unanalysable.StatusCode);
        using var stranger = factory.CreateClient().ActAs("not-" + fixture.ServiceApiKey, "approver", Roles.Approver);
        using var refused = await stranger.PostAsync("/api/plans", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The capture saw the failures, down to Trace: an empty log would prove nothing.
        Assert.Contains(logs.Entries, e => e.Contains("StatusCode=422", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.StartsWith("Trace ", StringComparison.Ordinal));
        logs.AssertNeverLogged(ServiceSecrets.Of(connectionString, fixture.MessagingConnectionString, fixture.ServiceApiKey));
    }

    private static async Task<Guid> AnalyseAsync(HttpClient client)
    {
        using var created = await client.PostAsync("/api/plans", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("planId").GetGuid();
    }

    private static async Task WaitForGaugeAsync(MeasurementRecorder metrics, long expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            metrics.Observe();
            var last = metrics.Of("migration.orphans").LastOrDefault();
            if (last?.Value == expected)
            {
                return;
            }
            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"The orphan gauge reads {last?.Value.ToString() ?? "nothing"}, expected {expected}.");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A database of this test's own with the demo seed (18 orphans) and the tool schema.</summary>
    private async Task<string> SeedDemoDatabaseAsync()
    {
        var connectionString = await fixture.CreateDatabaseAsync(withTargetSchema: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await MigratedDatabase.SeedDemoAsync(dataSource);
        await MigratedDatabase.MigrateToolSchemaAsync(dataSource);
        return connectionString;
    }
}
