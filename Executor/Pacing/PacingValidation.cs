using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Executor.Pacing;

/// <summary>
/// What the API refuses in a run's pacing, each error keyed by the field's JSON path (e.g. "pacing.windows[0].timeZone") and
/// worded by what the setting means, so the same words read right beside a Dashboard field and after a CLI flag.
/// </summary>
public static class PacingValidation
{
    public static Dictionary<string, string[]> Errors(int? batchSize, RunPacing? pacing, string prefix = "pacing")
    {
        var errors = new Dictionary<string, string[]>();
        if (batchSize is < 1 or > RunPacing.MaxBatchSize)
        {
            errors["batchSize"] = [$"The batch size must be between 1 and {RunPacing.MaxBatchSize} sessions."];
        }
        if (pacing is null)
        {
            return errors;
        }
        if (pacing.TargetBatchMs <= 0)
        {
            errors[$"{prefix}.targetBatchMs"] = ["The target batch duration must be more than 0 ms."];
        }
        if (pacing.MinBatch is < 1 or > RunPacing.MaxBatchSize)
        {
            errors[$"{prefix}.minBatch"] = [$"The smallest batch must be between 1 and {RunPacing.MaxBatchSize} sessions."];
        }
        if (pacing.MaxBatch is < 1 or > RunPacing.MaxBatchSize)
        {
            errors[$"{prefix}.maxBatch"] = [$"The largest batch must be between 1 and {RunPacing.MaxBatchSize} sessions."];
        }
        else if (pacing.MinBatch > pacing.MaxBatch)
        {
            errors[$"{prefix}.maxBatch"] =
                [$"The largest batch ({pacing.MaxBatch}) must not be less than the smallest ({pacing.MinBatch})."];
        }
        if (pacing.MaxRate is <= 0)
        {
            errors[$"{prefix}.maxRate"] = ["The rate cap must be more than 0 sessions per second, or left out for no cap."];
        }
        foreach (var (window, i) in (pacing.Windows ?? []).Select((w, i) => (w, i)))
        {
            var at = $"{prefix}.windows[{i}]";
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(window.TimeZone ?? "", out _))
            {
                errors[$"{at}.timeZone"] = [$"'{window.TimeZone}' is not a known IANA time zone (e.g. Europe/Paris)."];
            }
            if (window.From == window.To)
            {
                errors[$"{at}.to"] = ["A window's from and to must differ."];
            }
            if ((window.Days ?? []).FirstOrDefault(d => !MaintenanceSchedule.TryParseDay(d, out _)) is { } day)
            {
                errors[$"{at}.days"] = [$"'{day}' is not a day; use {string.Join(", ", MaintenanceSchedule.DayNames)}."];
            }
        }
        return errors;
    }
}
