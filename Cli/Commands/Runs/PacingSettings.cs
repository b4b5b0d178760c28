using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using AspireMigration.ApiClients.Executor.Models;
using AspireMigration.Cli.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace AspireMigration.Cli.Commands.Runs;

/// <summary>The pacing options of <c>runs start</c> and <c>runs pace</c>, and the API's pacing object they make.</summary>
public abstract partial class PacingSettings : GlobalSettings
{
    private static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    [CommandOption("--batch-size <N>")]
    [Description("Sessions per batch: the fixed size, or the first one when adaptive")]
    public int? BatchSize { get; init; }

    [CommandOption("--target-batch-ms <MS>")]
    [Description("Adaptive batches that take about this long (default 250 when --min-batch or --max-batch is given)")]
    public int? TargetBatchMs { get; init; }

    [CommandOption("--min-batch <N>")]
    [Description("Smallest adaptive batch (default 100)")]
    public int? MinBatch { get; init; }

    [CommandOption("--max-batch <N>")]
    [Description("Largest adaptive batch (default 10000)")]
    public int? MaxBatch { get; init; }

    [CommandOption("--max-rate <SESSIONS_PER_SECOND>")]
    [Description("Never migrate faster than this")]
    public double? MaxRate { get; init; }

    [CommandOption("--window <WINDOW>")]
    [Description("Only dispatch inside, e.g. \"Mon-Fri 01:00-05:00 Europe/Paris\" (days optional); repeatable")]
    public string[] Windows { get; init; } = [];

    [CommandOption("--start-at <TIME>")]
    [Description("Dispatch nothing before this ISO 8601 time, e.g. 2026-12-01T01:00:00+01:00")]
    public string? StartAt { get; init; }

    private bool Adaptive => TargetBatchMs is not null || MinBatch is not null || MaxBatch is not null;

    /// <summary>Whether any pacing option was given: without, a run is paced as the Executor's defaults say.</summary>
    protected bool AnyPacing => Adaptive || MaxRate is not null || Windows.Length > 0 || StartAt is not null;

    /// <summary>The API's pacing object.</summary>
    protected RunPacing Pacing() => new()
    {
        Adaptive = Adaptive,
        TargetBatchMs = TargetBatchMs ?? 250,
        MinBatch = MinBatch ?? 100,
        MaxBatch = MaxBatch ?? 10_000,
        MaxRate = MaxRate,
        Windows = Windows.Select(w => ParseWindow(w)!).ToList(),
        StartAt = StartAt is null ? null : DateTimeOffset.Parse(StartAt, CultureInfo.InvariantCulture),
    };

    public override ValidationResult Validate() =>
        BatchSize is < 1 ? ValidationResult.Error("--batch-size must be 1 or more.")
        : Windows.FirstOrDefault(w => ParseWindow(w) is null) is { } window
            ? ValidationResult.Error($"--window '{window}' is not [DAYS ]HH:MM-HH:MM ZONE, e.g. \"Mon-Fri 01:00-05:00 Europe/Paris\".")
        : StartAt is not null && !DateTimeOffset.TryParse(StartAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidationResult.Error($"--start-at '{StartAt}' is not a time; use ISO 8601, e.g. 2026-12-01T01:00:00+01:00.")
        : ValidationResult.Success();

    /// <summary>"Mon-Fri 01:00-05:00 Europe/Paris", "Sat,Sun 22:00-06:00 UTC" or "01:00-05:00 Europe/Paris"; null when malformed.</summary>
    private static MaintenanceWindow? ParseWindow(string text)
    {
        var match = WindowPattern().Match(text.Trim());
        if (!match.Success || Time(match.Groups["from"].Value) is not { } from || Time(match.Groups["to"].Value) is not { } to)
        {
            return null;
        }
        List<string> days = [];
        foreach (var part in match.Groups["days"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-').Select(d => Array.FindIndex(Days, n => n.Equals(d, StringComparison.OrdinalIgnoreCase))).ToArray();
            if (ends.Any(i => i < 0) || ends.Length > 2)
            {
                return null;
            }
            // A range may wrap past Sunday (Fri-Mon).
            for (var day = ends[0]; ; day = (day + 1) % 7)
            {
                days.Add(Days[day]);
                if (day == ends[^1])
                {
                    break;
                }
            }
        }
        return new MaintenanceWindow { Days = days, From = from, To = to, TimeZone = match.Groups["zone"].Value };
    }

    /// <summary>HH:MM; null for a time of day that does not exist (24:00, 29:59), which the pattern lets through.</summary>
    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    [GeneratedRegex(@"^(?:(?<days>[A-Za-z,\-]+)\s+)?(?<from>[0-2]\d:[0-5]\d)-(?<to>[0-2]\d:[0-5]\d)\s+(?<zone>\S+)$")]
    private static partial Regex WindowPattern();
}
