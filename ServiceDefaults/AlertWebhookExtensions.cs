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
        builder.Services.AddHttpClient(AlertWebhookNotifier.HttpClientName);
        builder.Services.AddHostedService<AlertWebhookNotifier>();
        return builder;
    }
}
