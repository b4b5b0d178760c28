namespace AspireMigration.Bench;

/// <summary>The middle of a series of trials: on a machine whose speed drifts, one slow trial must not move the figure.</summary>
public static class Medians
{
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
