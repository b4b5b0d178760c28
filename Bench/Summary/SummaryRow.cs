namespace AspireMigration.Bench.Summary;

/// <summary>
/// One line of the `bench` table: a phase at a size against its SQL floor (medians over the trials), or a warm-service
/// figure that has no floor. The p99 is per batch for a run, over the trials for a warm-service figure.
/// </summary>
public sealed record SummaryRow(int Size, string Phase, TimeSpan? Floor, TimeSpan Ours, double? Ratio, double? P99Ms, long? PeakBytes);
