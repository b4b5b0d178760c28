namespace AspireMigration.Analyzer.Scoring;

/// <summary>
/// The snake_case words the product contract, the database and the API use for <see cref="AssignmentType"/>,
/// kept in one place so the three can never disagree.
/// </summary>
public static class AssignmentTypeNames
{
    public const string Confident = "confident";
    public const string Tentative = "tentative";
    public const string ManualReview = "manual_review";
    public const string Unassigned = "unassigned";

    public static readonly IReadOnlyList<string> All = [Confident, Tentative, ManualReview, Unassigned];

    public static string ToName(this AssignmentType type) => type switch
    {
        AssignmentType.Confident => Confident,
        AssignmentType.Tentative => Tentative,
        AssignmentType.ManualReview => ManualReview,
        AssignmentType.Unassigned => Unassigned,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out AssignmentType type)
    {
        foreach (var candidate in Enum.GetValues<AssignmentType>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.Ordinal))
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
