using AspireMigration.Shared.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Polly;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every AspireMigration service shares: OpenTelemetry to the Aspire dashboard, health
/// endpoints, service discovery and resilient HTTP clients.
/// </summary>
public static class Extensions
{
    /// <summary>Set "Telemetry:Prometheus" to true to expose /metrics for a Prometheus scraper.</summary>
    public const string PrometheusSetting = "Telemetry:Prometheus";

    /// <summary>
    /// How long a service call that changes something may take: an analysis of a large database takes minutes, and cutting it
    /// short would throw the finished work away.
    /// </summary>
    public static readonly TimeSpan OperationTimeout = TimeSpan.FromMinutes(30);

    private const string HealthEndpointPath = "/health";
    private const string AlivenessEndpointPath = "/alive";

    /// <summary>The health report with each check's data; needs the caller the app authenticates (API key, or a signed-in user).</summary>
    public const string HealthDetailsEndpointPath = "/health/details";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddSafeProblemDetails();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(options =>
            {
                // A POST, PUT or DELETE is an operation (an analysis, a run's start, an approval): sent again after a slow or
                // failed answer, it would run twice. It is sent once and given as long as the operation takes; reads keep
                // the standard retries and the 10 s per attempt.
                options.Retry.DisableForUnsafeHttpMethods();
                options.AttemptTimeout.TimeoutGenerator = args => ValueTask.FromResult(
                    IsSafe(args.Context) ? options.AttemptTimeout.Timeout : OperationTimeout);
                options.TotalRequestTimeout.TimeoutGenerator = args => ValueTask.FromResult(
                    IsSafe(args.Context) ? options.TotalRequestTimeout.Timeout : OperationTimeout);
            });
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryNames.MassTransit, TelemetryNames.AspireMigration))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, TelemetryNames.MassTransit, TelemetryNames.AspireMigration)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would drown the traces users look for.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        if (builder.Configuration.GetValue<bool>(PrometheusSetting))
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter());
        }
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// /health (every check) and /alive (the process only) answer a status word to anyone;
    /// /health/details adds each check's data (figures, alerts, broker) for authenticated callers only.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Anonymous even where a fallback policy demands sign-in: the orchestrator probes these.
        app.MapHealthChecks(HealthEndpointPath).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks(HealthDetailsEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .RequireAuthorization();
        if (app.Configuration.GetValue<bool>(PrometheusSetting))
        {
            app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        }
        return app;
    }

    private static bool IsSafe(ResilienceContext context) =>
        context.GetRequestMessage()?.Method is { } method
        && (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options || method == HttpMethod.Trace);
}
