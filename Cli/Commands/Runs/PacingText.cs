using System.Globalization;
using System.Text.Json;
using AspireMigration.Cli.Api;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>A run's pacing status (the API's "pacing" object) as lines an operator reads.</summary>
public static class PacingText
{
    public static IEnumerable<(string Name, string Value)> Fields(JsonElement pacing)
    {
        if (pacing.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        var settings = pacing.Field("settings");
        yield return ("batch size now", pacing.Text("currentBatchSize") + (settings.Flag("adaptive")
            ? $" (adaptive: target {settings.Text("targetBatchMs")} ms, {settings.Text("minBatch")}..{settings.Text("maxBatch")})"
            : " (fixed)"));
        if (settings.Text("maxRate") is { Length: > 0 } rate)
        {
            yield return ("rate cap", $"{rate} sessions/s");
        }
        if (settings.Text("startAt") is { Length: > 0 } startAt)
        {
            yield return ("starts at", startAt);
        }
        foreach (var window in settings.Items("windows"))
        {
            var days = string.Join(",", window.Items("days").Select(d => d.GetString()));
            yield return ("window", $"{(days.Length > 0 ? days : "every day")} {window.Text("from")}-{window.Text("to")} "
                + window.Text("timeZone"));
        }
        if (pacing.Text("reason") is { Length: > 0 } reason)
        {
            yield return ("held back", reason + (pacing.Text("recheckAt") is { Length: > 0 } at ? $"; looks again at {at}" : ""));
        }
        var throttled = pacing.Field("throttledSeconds");
        if (throttled.ValueKind == JsonValueKind.Number && throttled.GetDouble() > 0)
        {
            yield return ("throttled for", string.Create(CultureInfo.InvariantCulture, $"{throttled.GetDouble():0.#} s"));
        }
        var health = pacing.Field("health");
        foreach (var indicator in health.ValueKind == JsonValueKind.Object ? health.Items("indicators") : [])
        {
            yield return ("health", $"{indicator.Text("name")} {indicator.Text("value")} {indicator.Text("unit")} "
                + $"{(indicator.Flag("tripped") ? ">" : "≤")} {indicator.Text("threshold")} {indicator.Text("unit")}");
        }
    }
}
