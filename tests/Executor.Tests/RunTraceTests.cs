using System.Diagnostics;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Domain;
using AspireMigration.TestSupport;
using OpenTelemetry.Trace;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// A run is one trace: the Dashboard's action, the HTTP call into the Executor, every RabbitMQ hop,
/// every step and its SQL. The spans come from the Executor host's own OpenTelemetry pipeline (the
/// one ServiceDefaults configures, so it decides which sources are recorded) with an in-memory
/// exporter added, and the HTTP hop is real (Kestrel, W3C trace context in the headers).
/// </summary>
[Collection(ExecutorCollection.Name)]
public sealed class RunTraceTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Steps = ["run.preflight", "run.backup", "run.batch", "run.validate"];

    [Fact]
    public async Task A_run_is_one_connected_trace_from_the_dashboard_action_through_the_bus_and_every_step_to_its_sql()
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        var planId = await scenario.InsertPlanAsync();
        var spans = new List<Activity>();
        var app = new ExecutorApp(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey,
            configureServices: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        Guid runId;
        ActivityTraceId traceId;
        try
        {
            app.UseKestrel(0);
            app.StartServer();
            var client = new RunClient(app.CreateClient());
            using (var click = SpanTree.StartDashboardEvent())
            {
                traceId = click.TraceId;
                runId = await client.StartAsync(planId, batchSize: 5);
            }
            Assert.Equal("Completed", (await client.WaitAsync(runId)).State);
            // The audit of the last transition is the run's last span to end.
            await scenario.WaitUntilAsync(
                $"SELECT EXISTS (SELECT 1 FROM backfill.run_audit_events " +
                $"WHERE run_id = '{runId}' AND action = '{RunAuditActions.State(RunStates.Completed)}')");
        }
        finally
        {
            // Stops the bus once its consumers are done, then flushes the exporter: the list is complete.
            await app.DisposeAsync();
        }

        var trace = SpanTree.Of(spans, traceId);
        var root = trace.Single(s => s.ParentSpanId == default);

        // Every span any host recorded for this run belongs to this trace.
        Assert.All(spans.Where(s => Equals(s.GetTagItem("run.id"), runId)), s => Assert.Equal(traceId, s.TraceId));

        // Dashboard -> HTTP client -> the Executor's POST /api/runs.
        var call = Assert.Single(trace, s => s.Source.Name == "System.Net.Http" && s.ParentSpanId == root.SpanId);
        Assert.Equal(ActivityKind.Client, call.Kind);
        var api = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore" && s.ParentSpanId == call.SpanId);
        Assert.Equal(ActivityKind.Server, api.Kind);
        Assert.Equal("POST", api.GetTagItem("http.request.method"));
        Assert.Equal("/api/runs/", api.GetTagItem("http.route"));

        // The API publishes StartRun; the bus hops are MassTransit producer and consumer spans.
        Assert.Contains(trace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer && s.ParentSpanId == api.SpanId);
        Assert.Contains(trace, s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer);

        // Every step ran inside a consumer span, with the run, the plan and its counts, and its SQL below it.
        var steps = trace.Where(
            s => s.Source.Name == "AspireMigration" && s.OperationName.StartsWith("run.", StringComparison.Ordinal)).ToList();
        Assert.Equal(Steps.Order(), steps.Select(s => s.OperationName).Distinct().Order());
        foreach (var step in steps)
        {
            Assert.Equal(runId, step.GetTagItem("run.id"));
            Assert.Equal(planId, step.GetTagItem("plan.id"));
            Assert.Equal(ActivityKind.Consumer, SpanTree.ParentOf(trace, step).Kind);
            Assert.Contains(trace, s => s.Source.Name == "Npgsql" && s.Kind == ActivityKind.Client && s.ParentSpanId == step.SpanId);
        }
        var preflight = Assert.Single(steps, s => s.OperationName == "run.preflight");
        Assert.Equal(15, preflight.GetTagItem("sessions.included"));
        Assert.Equal(3, preflight.GetTagItem("sessions.skipped"));
        Assert.Equal(3, preflight.GetTagItem("run.batches"));
        Assert.Equal(15L, Assert.Single(steps, s => s.OperationName == "run.backup").GetTagItem("backup.rows"));
        var batches = steps.Where(s => s.OperationName == "run.batch").ToList();
        Assert.Equal([1, 2, 3], batches.Select(b => (int)b.GetTagItem("batch.number")!).Order());
        Assert.Equal(15, batches.Sum(b => (int)b.GetTagItem("sessions.migrated")!));
        Assert.Equal(0, Assert.Single(steps, s => s.OperationName == "run.validate").GetTagItem("validation.failures"));

        // What the saga sends leaves through its outbox: each relayed publish is a child of the transition that sent it.
        var relays = trace.Where(s => s.OperationName == "outbox.relay").ToList();
        Assert.NotEmpty(relays);
        Assert.All(relays, relay =>
            Assert.Contains(trace,
                s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer && s.ParentSpanId == relay.SpanId));

        // Spans go to the Aspire dashboard or any OTLP collector: none may carry a secret either.
        var secrets = ServiceSecrets.Of(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        Assert.All(spans, span =>
            Assert.DoesNotContain(secrets, secret => SpanTree.Describe(span).Contains(secret.Value, StringComparison.Ordinal)));
    }
}
