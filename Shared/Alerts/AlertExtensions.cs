using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Alerts;

public static class AlertExtensions
{
    /// <summary>
    /// The alert rules, evaluated for /health (active alerts make a service Degraded) and, with
    /// <c>notify</c>, posted to Alerts:Webhook:Url when one is configured.
    /// </summary>
    public static TBuilder AddAlerts<TBuilder>(this TBuilder builder, bool notify = false) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Alerts").Get<AlertThresholds>() ?? new AlertThresholds());
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddHealthChecks().AddCheck<AlertsHealthCheck>("alerts", HealthStatus.Degraded);
        if (notify)
        {
            builder.AddAlertWebhook();
        }
        return builder;
    }

    /// <summary>Sends alerts to Alerts:Webhook:Url when one is configured; does nothing otherwise.</summary>
    public static TBuilder AddAlertWebhook<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection("Alerts:Webhook");
        if (section.GetValue<Uri?>("Url") is null)
        {
            return builder;
        }
        builder.Services.Configure<AlertWebhookOptions>(section);
        // The URL is a secret (Slack's carries its token in the path). HttpClientFactory's own logging would
        // write it on every request and as the scope of every resilience (retry) log line.
        builder.Services.AddHttpClient(AlertWebhookNotifier.HttpClientName).RemoveAllLoggers();
        builder.Services.AddHostedService<AlertWebhookNotifier>();
        return builder;
    }
}
