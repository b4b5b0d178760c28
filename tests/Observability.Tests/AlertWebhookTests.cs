using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using AspireMigration.Shared.Alerts;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace AspireMigration.Observability.Tests;

[Collection(DatabaseCollection.Name)]
public sealed class AlertWebhookTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Each_new_alert_is_posted_once_as_slack_json_a_failing_receiver_is_retried_and_the_url_is_never_logged_or_traced()
    {
        await using var db = await ToolDatabase.CreateAsync(fixture);
        await db.InsertRunAsync(Guid.NewGuid(), "RolledBack", null, "rolled_back");

        var received = new ConcurrentQueue<string>();
        var attempts = 0;
        await using var receiver = WebApplication.CreateSlimBuilder().Build();
        receiver.Urls.Add("http://127.0.0.1:0");
        // Slack-style: the token is part of the path, so the URL is a secret.
        var token = Guid.NewGuid().ToString("N");
        receiver.MapPost("/hook/{token}", async (HttpRequest request) =>
        {
            // The first delivery fails: the notifier posts it again (its HTTP client never repeats a POST, its next round does).
            if (Interlocked.Increment(ref attempts) == 1)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }
            received.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            return Results.Ok();
        });
        receiver.MapGet("/ping", () => Results.Ok());
        await receiver.StartAsync();

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Alerts:Webhook:Url"] = $"{receiver.Urls.Single()}/hook/{token}";
        builder.Configuration["Alerts:Webhook:Interval"] = "00:00:00.200";
        builder.AddServiceDefaults();
        builder.Services.AddSingleton(db.DataSource);
        builder.Services.AddSingleton(new AlertThresholds());
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.AddAlertWebhook();
        var logs = new LogCapture();
        logs.AddTo(builder.Services);
        var spans = new List<Activity>();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
        using var host = builder.Build();
        await host.StartAsync();
        // Any other request of the host is traced: the instrumentation is live, only the webhook's request is not.
        using var ping = await host.Services.GetRequiredService<IHttpClientFactory>().CreateClient().GetAsync(
            $"{receiver.Urls.Single()}/ping");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (received.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        await Task.Delay(1000); // several more evaluation rounds: the same alert must not be sent again
        await host.StopAsync();

        var body = Assert.Single(received);
        Assert.True(attempts >= 2);
        using var json = JsonDocument.Parse(body);
        Assert.Contains("rolled back", json.RootElement.GetProperty("text").GetString());
        Assert.Contains(logs.Entries, e => e.Contains("sent to the webhook", StringComparison.Ordinal));
        logs.AssertNeverLogged(new Dictionary<string, string> { ["the webhook's token"] = token });
        Assert.Contains(spans, span => span.GetTagItem("url.full") is string url && url.EndsWith("/ping", StringComparison.Ordinal));
        // The receiver runs in this process too: its own server spans are not the notifier's.
        Assert.DoesNotContain(spans, span => span.Kind == ActivityKind.Client
            && span.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(token, StringComparison.Ordinal) == true));
    }
}
