namespace AspireMigration.Shared.Alerts;

/// <summary>The "Alerts:Webhook" section. Off unless a URL is set.</summary>
public sealed class AlertWebhookOptions
{
    /// <summary>An incoming-webhook URL accepting Slack's {"text": "..."} JSON.</summary>
    public Uri? Url { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);
}
