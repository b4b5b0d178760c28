using System.Globalization;
using System.Text.Json;

namespace AspireMigration.Shared.Domain;

/// <summary>
/// One audit event as a sentence. The audit stores each message whole as JSON; the run page's timeline and
/// <c>runs audit</c> show what an operator asks (who, what, when, how many), never the JSON itself.
/// </summary>
public sealed record RunEvent(
    DateTime OccurredAt, string Actor, string Title, string? Detail, bool IsFailure, int? BatchNumber, bool Redelivered)
{
    public static RunEvent From(DateTime occurredAt, string actor, string action, string? detailsJson)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(detailsJson) ? "{}" : detailsJson);
        var details = document.RootElement;
        var batch = Int(details, "batchNumber") ?? (details.TryGetProperty("message", out var inner) ? Int(inner, "batchNumber") : null);
        var (title, detail, failure) = action switch
        {
            RunAuditActions.StartRequested => ("Start requested",
                Join(Bool(details, "dryRun") ? "dry run" : null, Batches(details),
                    Bool(details, "skipLowConfidence") ? "skipping tentative items" : null), false),
            RunAuditActions.PacingChanged => ("Pacing changed", Batches(details), false),
            RunAuditActions.PauseRequested => ("Pause requested", null, false),
            RunAuditActions.ResumeRequested => ("Resume requested", null, false),
            RunAuditActions.CancelRequested => ("Cancel requested", null, false),
            RunAuditActions.RetryRequested => ("Retry requested", "the batches missing from the ledger are sent again", false),
            RunAuditActions.RollbackRequested => ("Rollback requested", Bool(details, "force") ? "forced over conflicts" : null, false),
            RunAuditActions.RunRejected => ("Run rejected", Text(details, "reason"), true),
            RunAuditActions.RollbackRefused => ("Rollback refused", Text(details, "reason"), true),
            RunAuditActions.BatchCompleted => ($"Batch {batch} done", BatchDetail(details), false),
            RunAuditActions.BatchRedelivered => ($"Batch {batch} delivered again",
                "its work was already in the ledger, so nothing changed twice", false),
            RunAuditActions.BatchFailed => ($"Batch {batch} failed", FaultMessage(details), true),
            RunAuditActions.Redispatched => ("Sent again, unanswered",
                Join(Text(details, "currentState") is { } state ? $"while {state}" : null, Commands(details)), false),
            _ when action.StartsWith(RunAuditActions.StatePrefix, StringComparison.Ordinal) =>
                ($"Entered {action[RunAuditActions.StatePrefix.Length..]}", StateDetail(details),
                    Text(details, "reason") is not null),
            _ => (CultureInfo.InvariantCulture.TextInfo.ToTitleCase(action.Replace('_', ' ')), null, false),
        };
        return new RunEvent(occurredAt, actor, title, detail, failure, batch, action == RunAuditActions.BatchRedelivered);
    }

    /// <summary>What a start or a pacing change asks of the batches: adaptive sizes or a fixed one, a rate cap, a start time.</summary>
    private static string? Batches(JsonElement details)
    {
        var pacing = details.ValueKind == JsonValueKind.Object && details.TryGetProperty("pacing", out var value) ? value : default;
        var sizes = Bool(pacing, "adaptive")
            ? $"adaptive batches of {Count(Int(pacing, "minBatch"))}..{Count(Int(pacing, "maxBatch"))} sessions, "
                + $"about {Int(pacing, "targetBatchMs")} ms each"
            : Int(details, "batchSize") is { } size ? $"batch size {Count(size)}" : "fixed batches";
        return Join(sizes,
            Number(pacing, "maxRate") is { } rate ? string.Create(CultureInfo.InvariantCulture, $"at most {rate:#,0.##} sessions/s") : null,
            Text(pacing, "startAt") is { } startAt && DateTimeOffset.TryParse(startAt, CultureInfo.InvariantCulture, out var at)
                ? $"not before {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : null);
    }

    /// <summary>What the reconciler sent again: "MigrateBatch 3", "PauseRun".</summary>
    private static string? Commands(JsonElement details) =>
        details.TryGetProperty("commands", out var commands) && commands.ValueKind == JsonValueKind.Array && commands.GetArrayLength() > 0
            ? string.Join(", ", commands.EnumerateArray().Select(command => command.GetString()))
            : null;

    private static string? BatchDetail(JsonElement details) => Join(
        $"{Count(Int(details, "migrated"))} migrated",
        Int(details, "skippedChanged") is > 0 and var changed ? $"{Count(changed)} changed since analysis" : null,
        Number(details, "durationMs") is { } ms ? DurationText.Milliseconds(ms) : null,
        Text(details, "processedBy") is { } host ? $"on {host}" : null);

    // A dry run's batches all run inside its one rolled-back transaction (and before 2 December its saga did not count them), so
    // its events name only what it would do.
    private static string? StateDetail(JsonElement details) => Join(
        Text(details, "reason"),
        Int(details, "totalBatches") is > 0 and var total && !Bool(details, "dryRun")
            ? $"batches {Int(details, "completedBatches")} of {total}"
            : null,
        Int(details, "migrated") is > 0 and var migrated
            ? (Bool(details, "dryRun") ? $"{migrated} would be migrated" : $"{migrated} migrated")
            : null,
        Int(details, "skippedChanged") is > 0 and var changed ? $"{changed} changed since analysis" : null,
        Int(details, "rolledBack") is > 0 and var restored ? $"{restored} restored" : null,
        Int(details, "conflicts") is > 0 and var conflicts ? $"{conflicts} conflicts" : null);

    /// <summary>A MassTransit fault: the first exception's type and message.</summary>
    private static string? FaultMessage(JsonElement details)
    {
        if (!details.TryGetProperty("exceptions", out var exceptions) || exceptions.ValueKind != JsonValueKind.Array
            || exceptions.GetArrayLength() == 0)
        {
            return null;
        }
        var message = Text(exceptions[0], "message");
        return Text(exceptions[0], "exceptionType") is { } type ? $"{type}: {message}" : message;
    }

    private static string? Join(params string?[] parts) =>
        parts.Where(p => !string.IsNullOrEmpty(p)).ToList() is { Count: > 0 } present ? string.Join(" · ", present) : null;

    private static string? Count(int? value) => value?.ToString("N0", CultureInfo.InvariantCulture);

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number)
            ? number
            : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}
