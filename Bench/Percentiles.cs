namespace AspireMigration.Bench;

/// <summary>The nearest-rank percentile of a series: the value that <paramref name="share"/> of the series does not exceed.</summary>
public static class Percentiles
{
    public static double Of(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }
}
