namespace AspireMigration.Dashboard.Components.Shared;

/// <summary>An assignment type in the words of the filters and cards ("Manual review"), not the API's (manual_review).</summary>
public static class AssignmentTypeText
{
    public static string Of(string type) => type switch
    {
        "confident" => "Confident",
        "tentative" => "Tentative",
        "manual_review" => "Manual review",
        "unassigned" => "Unassigned",
        _ => type,
    };
}
