using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Executor.Models;

namespace AspireMigration.Dashboard.Clients.Runs;

/// <summary>One batch of the run's ledger: a batch is in it once it committed.</summary>
public sealed record BatchView(
    int BatchNumber, int Migrated, int SkippedChanged, double DurationMs, string ProcessedBy, DateTime ProcessedAt)
{
    internal static BatchView From(Generated.BatchView batch) => new(
        Required(batch.BatchNumber), Required(batch.Migrated), Required(batch.SkippedChanged), Required(batch.DurationMs),
        Required(batch.ProcessedBy), Required(batch.ProcessedAt).UtcDateTime);
}
