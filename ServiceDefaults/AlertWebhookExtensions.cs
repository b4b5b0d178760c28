using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class AlertWebhookExtensions
{
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
