using System.Globalization;
using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Pacing;

/// <summary>Whether a moment falls in one of a run's maintenance windows, and when the next one opens.</summary>
public static class MaintenanceSchedule
{
    public static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static bool TryParseDay(string name, out DayOfWeek day)
    {
        var index = Array.FindIndex(DayNames, d => string.Equals(d, name, StringComparison.OrdinalIgnoreCase));
        day = (DayOfWeek)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Null when <paramref name="now"/> is inside a window (or there are none); else the next opening and its window.</summary>
    public static (DateTimeOffset At, MaintenanceWindow Window)? NextOpening(IReadOnlyList<MaintenanceWindow>? windows, DateTimeOffset now)
    {
        if (windows is not { Count: > 0 })
        {
            return null;
        }
        (DateTimeOffset At, MaintenanceWindow Window)? next = null;
        foreach (var window in windows)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(window.TimeZone);
            var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
            // Yesterday's window may still be open past midnight; a week ahead holds every day's opening.
            for (var day = -1; day <= 7; day++)
            {
                var date = local.Date.AddDays(day);
                if (window.Days is { Count: > 0 } days && !days.Any(d => TryParseDay(d, out var w) && w == date.DayOfWeek))
                {
                    continue;
                }
                var open = date + window.From.ToTimeSpan();
                var close = (window.To > window.From ? date : date.AddDays(1)) + window.To.ToTimeSpan();
                if (local >= open && local < close)
                {
                    return null;
                }
                if (open > local)
                {
                    var at = ToInstant(open, zone);
                    if (next is null || at < next.Value.At)
                    {
                        next = (at, window);
                    }
                    break;
                }
            }
        }
        return next;
    }

    public static string Describe(DateTimeOffset opening, MaintenanceWindow window)
    {
        var local = TimeZoneInfo.ConvertTime(opening, TimeZoneInfo.FindSystemTimeZoneById(window.TimeZone));
        return string.Create(CultureInfo.InvariantCulture,
            $"outside window, opens {DayNames[(int)local.DayOfWeek]} {local:HH:mm} {window.TimeZone}");
    }

    /// <summary>A wall-clock time skipped by a daylight-saving change opens the window an hour later, when the clock reads it.</summary>
    private static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var valid = zone.IsInvalidTime(local) ? local.AddHours(1) : local;
        return new DateTimeOffset(valid, zone.GetUtcOffset(valid));
    }
}
