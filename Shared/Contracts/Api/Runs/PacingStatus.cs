using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.Shared.Contracts.Api.Runs;

/// <summary>How a run paces itself and where that stands.</summary>
/// <param name="CurrentBatchSize">The size of the next batch (fixed, or adapted from the measured durations).</param>
/// <param name="Reason">Why the run holds its batches back (a tripped indicator, a closed window, the rate cap); null when it
/// does not.</param>
/// <param name="ThrottledSeconds">Time spent Throttled so far, the current throttle included.</param>
/// <param name="RecheckAt">When the run looks again at what holds it back.</param>
/// <param name="Health">The last health reading; null when the Executor reads none.</param>
public sealed record PacingStatus(
    RunPacing Settings, int CurrentBatchSize, string? Reason, double ThrottledSeconds, DateTimeOffset? RecheckAt,
    HealthReadingView? Health);
