using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;

namespace AspireMigration.Shared.Alerts;

/// <summary>
/// Posts each alert once when it becomes active. A post that failed is made again on the next round: the service defaults'
/// HTTP clients never repeat a POST within one call.
/// </summary>
internal sealed class AlertWebhookNotifier(
    AlertEvaluator evaluator, IHttpClientFactory httpClients, IOptions<AlertWebhookOptions> options, ILogger<AlertWebhookNotifier> logger)
    : BackgroundService
{
    public const string HttpClientName = "alert-webhook";

    private readonly HashSet<(string Rule, string Subject)> notified = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                await NotifyNewAlertsAsync(stoppingToken);
            }
            catch (Exception ex) when (
                ex is HttpRequestException or Npgsql.NpgsqlException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again; an alert that was not delivered stays un-notified.
                logger.LogWarning(ex, "Alert webhook round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task NotifyNewAlertsAsync(CancellationToken cancellationToken)
    {
        var active = await evaluator.EvaluateAsync(cancellationToken);
        notified.IntersectWith(active.Select(a => (a.Rule, a.Subject)));
        foreach (var alert in active.Where(a => !notified.Contains((a.Rule, a.Subject))))
        {
            // The URL is a secret: an HTTP client span would carry it to the trace collector as url.full.
            using var untraced = SuppressInstrumentationScope.Begin();
            using var response = await httpClients.CreateClient(HttpClientName)
                .PostAsJsonAsync(options.Value.Url, new { text = $":warning: AspireMigration alert ({alert.Rule}): {alert.Message}" },
                    cancellationToken);
            response.EnsureSuccessStatusCode();
            notified.Add((alert.Rule, alert.Subject));
            logger.LogInformation("Alert {Rule} for {Subject} sent to the webhook", alert.Rule, alert.Subject);
        }
    }
}
