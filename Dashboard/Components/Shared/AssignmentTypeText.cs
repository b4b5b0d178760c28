namespace AspireMigration.Dashboard.Components.Shared;

/// <summary>Assignment types in the words of the filters and cards ("Manual review"), not the API's (manual_review).</summary>
public static class AssignmentTypeText
{
    /// <summary>Every type, in the order the plan's cards and the type filter list them.</summary>
    public static readonly IReadOnlyList<(string Type, string Words)> All =
    [
        ("confident", "Confident"),
        ("tentative", "Tentative"),
        ("manual_review", "Manual review"),
        ("unassigned", "Unassigned"),
    ];

    public static string Of(string type) => All.FirstOrDefault(t => t.Type == type).Words ?? type;
}
