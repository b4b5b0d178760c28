using AspireMigration.Shared.Contracts.Runs;
using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>How a run paces itself and where that stands.</summary>
/// <param name="CurrentBatchSize">The size of the next batch (fixed, or adapted from the measured durations).</param>
/// <param name="Reason">Why the run holds its batches back; null when it does not.</param>
/// <param name="ThrottledSeconds">Time spent Throttled so far, the current throttle included.</param>
/// <param name="RecheckAt">When the run looks again at what holds it back.</param>
/// <param name="Health">The last health reading; null when the Executor reads none.</param>
public sealed record PacingStatus(
    RunPacing Settings, int CurrentBatchSize, string? Reason, double ThrottledSeconds, DateTimeOffset? RecheckAt, HealthReadingView? Health)
{
    internal static PacingStatus From(Generated.PacingStatus pacing) => new(
        PacingWire.From(Required(pacing.Settings)), Required(pacing.CurrentBatchSize), pacing.Reason, Required(pacing.ThrottledSeconds),
        pacing.RecheckAt, pacing.Health is { } health ? HealthReadingView.From(health) : null);
}
