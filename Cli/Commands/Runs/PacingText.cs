using System.Globalization;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>A run's pacing status (the API's "pacing" object) as lines an operator reads.</summary>
public static class PacingText
{
    public static IEnumerable<(string Name, string Value)> Fields(PacingStatus? pacing)
    {
        if (pacing is null)
        {
            yield break;
        }
        var settings = pacing.Settings;
        yield return ("batch size now", Display.Text(pacing.CurrentBatchSize) + (settings?.Adaptive == true
            ? $" (adaptive: target {Display.Text(settings.TargetBatchMs)} ms, "
                + $"{Display.Text(settings.MinBatch)}..{Display.Text(settings.MaxBatch)})"
            : " (fixed)"));
        if (settings?.MaxRate is { } rate)
        {
            yield return ("rate cap", $"{Display.Text(rate)} sessions/s");
        }
        if (settings?.StartAt is { } startAt)
        {
            yield return ("starts at", Display.Text(startAt));
        }
        foreach (var window in settings?.Windows ?? [])
        {
            var days = string.Join(",", window.Days ?? []);
            yield return ("window", $"{(days.Length > 0 ? days : "every day")} {Display.Text(window.From)}-{Display.Text(window.To)} "
                + window.TimeZone);
        }
        if (pacing.Reason is { Length: > 0 } reason)
        {
            yield return ("held back", reason + (pacing.RecheckAt is { } at ? $"; looks again at {Display.Text(at)}" : ""));
        }
        if (pacing.ThrottledSeconds is { } throttled && throttled > 0)
        {
            yield return ("throttled for", string.Create(CultureInfo.InvariantCulture, $"{throttled:0.#} s"));
        }
        foreach (var indicator in pacing.Health?.Indicators ?? [])
        {
            yield return ("health", $"{indicator.Name} {Display.Text(indicator.Value)} {indicator.Unit} "
                + $"{(indicator.Tripped == true ? ">" : "≤")} {Display.Text(indicator.Threshold)} {indicator.Unit}");
        }
    }
}
