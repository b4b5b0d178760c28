using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>A run as the Executor's saga holds it: its settings, progress counters and outcome.</summary>
/// <param name="Reason">Why the run failed, was rejected or its rollback refused, or why it is Throttled or Waiting.</param>
/// <param name="TotalBatches">The batches dispatched so far plus the rest at the current batch size: an estimate until the run
/// has dispatched its last batch.</param>
/// <param name="Retryable">The run failed on a batch after its backup and was not rolled back: an operator may retry it.</param>
public sealed record RunView(
    Guid RunId, Guid PlanId, string State, string RequestedBy, bool DryRun, bool SkipLowConfidence, int BatchSize,
    int Included, int Skipped, int TotalBatches, int CompletedBatches, int Migrated, int SkippedChanged, int RolledBack, int Conflicts,
    string? Reason, string? BackupTable, IReadOnlyList<string> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt,
    PacingStatus? Pacing = null, bool Retryable = false)
{
    internal static RunView From(Generated.RunView run) => new(
        Required(run.RunId), Required(run.PlanId), Required(run.State), Required(run.RequestedBy), Required(run.DryRun),
        Required(run.SkipLowConfidence), Required(run.BatchSize), Required(run.Included), Required(run.Skipped),
        Required(run.TotalBatches), Required(run.CompletedBatches), Required(run.Migrated), Required(run.SkippedChanged),
        Required(run.RolledBack), Required(run.Conflicts), run.Reason, run.BackupTable, Required(run.Warnings), Required(run.CreatedAt),
        run.FinishedAt, run.Pacing is { } pacing ? PacingStatus.From(pacing) : null, Required(run.Retryable));
}
