using AspireMigration.Shared.Contracts.Runs;
using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>
/// A run's pacing between the domain's <see cref="RunPacing"/>, which the pacing form reads and writes (its defaults and bounds
/// are the Executor's), and the generated wire model the Executor's API takes and answers.
/// </summary>
internal static class PacingWire
{
    public static Generated.RunPacing To(RunPacing pacing) => new()
    {
        Adaptive = pacing.Adaptive, TargetBatchMs = pacing.TargetBatchMs, MinBatch = pacing.MinBatch, MaxBatch = pacing.MaxBatch,
        MaxRate = pacing.MaxRate, StartAt = pacing.StartAt,
        Windows = pacing.Windows?.Select(w => new Generated.MaintenanceWindow
        {
            Days = [.. w.Days], From = w.From, To = w.To, TimeZone = w.TimeZone,
        }).ToList(),
    };

    public static RunPacing From(Generated.RunPacing pacing) => new(
        Required(pacing.Adaptive), Required(pacing.TargetBatchMs), Required(pacing.MinBatch), Required(pacing.MaxBatch), pacing.MaxRate,
        pacing.Windows?.Select(w => new MaintenanceWindow(Required(w.Days), Required(w.From), Required(w.To), Required(w.TimeZone)))
            .ToList(),
        pacing.StartAt);
}
