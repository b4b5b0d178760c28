namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// The knobs of the scoring rules. Decimal, not double, so 9/(9+1) is exactly 0.90 and lands on
/// the confident side of the threshold as the product contract requires.
/// </summary>
public sealed record AnalysisSettings(decimal Prior = 1m, decimal ConfidentThreshold = 0.9m, decimal TentativeThreshold = 0.6m)
{
    /// <summary>
    /// Far beyond any useful prior (it would push every confidence towards 0), and small enough
    /// that k / (n + prior) cannot overflow decimal.
    /// </summary>
    public const decimal MaxPrior = 1_000_000m;

    public static AnalysisSettings Default { get; } = new();

    /// <summary>Every rule the settings break, keyed by setting name (empty when valid).</summary>
    public IReadOnlyDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (Prior is < 0 or > MaxPrior)
        {
            errors["prior"] = [$"The prior must be between 0 and {MaxPrior:0}."];
        }
        if (ConfidentThreshold is < 0 or > 1)
        {
            errors["confidentThreshold"] = ["The confident threshold must be between 0 and 1."];
        }
        if (TentativeThreshold is < 0 or > 1)
        {
            errors["tentativeThreshold"] = ["The tentative threshold must be between 0 and 1."];
        }
        else if (TentativeThreshold > ConfidentThreshold)
        {
            errors["tentativeThreshold"] = ["The tentative threshold must not exceed the confident threshold."];
        }
        return errors;
    }
}
