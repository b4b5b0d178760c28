using System.Globalization;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Output;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>A run's pacing status (the API's "pacing" object) as lines an operator reads.</summary>
public static class PacingText
{
    /// <summary>An adaptive run's batch size now is left out once it has <paramref name="finished"/>: no batch will have it.</summary>
    public static IEnumerable<(string Name, string Value)> Fields(PacingStatus? pacing, bool finished)
    {
        if (pacing is null)
        {
            yield break;
        }
        var settings = pacing.Settings;
        if (settings?.Adaptive == true)
        {
            yield return ("Pacing", $"adaptive batches: target {Display.Number(settings.TargetBatchMs)} ms, "
                + $"{Display.Number(settings.MinBatch)}..{Display.Number(settings.MaxBatch)} sessions");
            if (!finished)
            {
                yield return ("Batch size now", Display.Number(pacing.CurrentBatchSize));
            }
        }
        else
        {
            yield return ("Pacing", $"fixed batches of {Display.Number(pacing.CurrentBatchSize)} sessions");
        }
        if (settings?.MaxRate is { } rate)
        {
            yield return ("Rate cap", $"{Display.Number(rate)} sessions/s");
        }
        if (settings?.StartAt is { } startAt)
        {
            yield return ("Starts at", Display.Text(startAt));
        }
        foreach (var window in settings?.Windows ?? [])
        {
            var days = string.Join(",", window.Days ?? []);
            yield return ("Window", $"{(days.Length > 0 ? days : "every day")} {Display.Text(window.From)}-{Display.Text(window.To)} "
                + window.TimeZone);
        }
        if (pacing.Reason is { Length: > 0 } reason)
        {
            yield return ("Held back", reason + (pacing.RecheckAt is { } at ? $"; looks again at {Display.Text(at)}" : ""));
        }
        if (pacing.ThrottledSeconds is { } throttled && throttled > 0)
        {
            yield return ("Throttled for", string.Create(CultureInfo.InvariantCulture, $"{throttled:0.#} s"));
        }
        foreach (var indicator in pacing.Health?.Indicators ?? [])
        {
            yield return ("Health", $"{indicator.Name} {Measure(indicator.Value)} {indicator.Unit} "
                + $"{(indicator.Tripped == true ? ">" : "≤")} {Measure(indicator.Threshold)} {indicator.Unit}");
        }
    }

    // As the Dashboard prints a reading: "0 s", not the 0.012779 s the probe measured.
    private static string Measure(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "";
}
