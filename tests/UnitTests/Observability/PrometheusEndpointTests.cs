using System.Diagnostics.Metrics;
using AspireMigration.Shared.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.UnitTests.Observability;

public sealed class PrometheusEndpointTests
{
    [Fact]
    public async Task Metrics_are_scrapeable_when_prometheus_is_enabled()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[Extensions.PrometheusSetting] = "true";
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var meter = new Meter(TelemetryNames.AspireMigration);
        meter.CreateCounter<long>("migration.sessions.migrated").Add(42);
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var text = await client.GetStringAsync("/metrics");

        Assert.Contains("migration_sessions_migrated", text);
        Assert.Contains("42", text);
    }

    [Fact]
    public async Task There_is_no_metrics_endpoint_by_default()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await client.GetAsync("/metrics");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
