namespace AspireMigration.Bench.Summary;

/// <summary>One line of the `all` table: a phase at a size, against its SQL floor (medians over the trials).</summary>
public sealed record SummaryRow(int Size, string Phase, TimeSpan Floor, TimeSpan Ours, double Ratio, double? BatchP99Ms, long PeakBytes);
