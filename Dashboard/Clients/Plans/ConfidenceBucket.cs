using static AspireMigration.Dashboard.Clients.Wire;
using Generated = AspireMigration.ApiClients.Analyzer.Models;

namespace AspireMigration.Dashboard.Clients.Plans;

/// <param name="Lower">Inclusive lower bound of the bucket, in tenths (0.0, 0.1, … 0.9).</param>
public sealed record ConfidenceBucket(decimal Lower, int Items)
{
    internal static ConfidenceBucket From(Generated.ConfidenceBucket bucket) =>
        new((decimal)Required(bucket.Lower), Required(bucket.Items));
}
