using System.Globalization;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Dashboard.Components.Runs;

/// <summary>
/// The pacing form's fields as the operator types them. Times are text, so what does not parse is named with the same
/// key the Executor's 400 would use (<c>pacing.startAt</c>, <c>pacing.windows[0].from</c>) and shows beside its field;
/// everything else (bounds, day names, time zones) is left to the Executor's own validation, the one source of its rules.
/// </summary>
public sealed class PacingInput
{
    private const string TimeFormat = "HH:mm";
    private const string StartFormat = "yyyy-MM-dd HH:mm";

    public int BatchSize { get; set; } = StartRun.DefaultBatchSize;
    public bool Adaptive { get; set; }
    public int TargetBatchMs { get; set; } = RunPacing.DefaultTargetBatchMs;
    public int MinBatch { get; set; } = RunPacing.DefaultMinBatch;
    public int MaxBatch { get; set; } = RunPacing.DefaultMaxBatch;
    public double? MaxRate { get; set; }

    /// <summary>UTC, <c>yyyy-MM-dd HH:mm</c>; empty starts at once.</summary>
    public string StartAt { get; set; } = "";

    public List<WindowInput> Windows { get; } = [];

    public static PacingInput From(RunPacing pacing, int batchSize)
    {
        var input = new PacingInput
        {
            BatchSize = batchSize, Adaptive = pacing.Adaptive, TargetBatchMs = pacing.TargetBatchMs, MinBatch = pacing.MinBatch,
            MaxBatch = pacing.MaxBatch, MaxRate = pacing.MaxRate,
            StartAt = pacing.StartAt?.UtcDateTime.ToString(StartFormat, CultureInfo.InvariantCulture) ?? "",
        };
        input.Windows.AddRange((pacing.Windows ?? []).Select(w => new WindowInput
        {
            Days = string.Join(' ', w.Days), From = w.From.ToString(TimeFormat, CultureInfo.InvariantCulture),
            To = w.To.ToString(TimeFormat, CultureInfo.InvariantCulture), TimeZone = w.TimeZone,
        }));
        return input;
    }

    /// <summary>The pacing to send, or null with the fields that do not parse.</summary>
    public RunPacing? ToPacing(out Dictionary<string, string[]> errors)
    {
        errors = [];
        DateTimeOffset? startAt = null;
        if (!string.IsNullOrWhiteSpace(StartAt))
        {
            if (DateTime.TryParseExact(StartAt.Trim(), StartFormat, CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
            {
                startAt = new DateTimeOffset(start, TimeSpan.Zero);
            }
            else
            {
                errors["pacing.startAt"] = [$"Write the start as {StartFormat} (UTC), or leave it empty to start at once."];
            }
        }
        List<MaintenanceWindow> windows = [];
        foreach (var (window, i) in Windows.Select((w, i) => (w, i)))
        {
            var from = ParseTime(window.From, $"pacing.windows[{i}].from", errors);
            var to = ParseTime(window.To, $"pacing.windows[{i}].to", errors);
            var days = window.Days.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            windows.Add(new MaintenanceWindow(days, from, to, window.TimeZone.Trim()));
        }
        return errors.Count > 0 ? null : new RunPacing(Adaptive, TargetBatchMs, MinBatch, MaxBatch, MaxRate,
            windows.Count == 0 ? null : windows, startAt);
    }

    private static TimeOnly ParseTime(string text, string key, Dictionary<string, string[]> errors)
    {
        if (TimeOnly.TryParseExact(text.Trim(), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors[key] = [$"Write the time as {TimeFormat}."];
        return default;
    }
}
