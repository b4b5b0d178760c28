namespace AspireMigration.Dashboard.Auth;

/// <summary>The three roles of the approval console; every signed-in user may read.</summary>
public static class DashboardRoles
{
    public const string Viewer = nameof(Viewer);
    public const string Approver = nameof(Approver);
    public const string Operator = nameof(Operator);

    public static readonly IReadOnlyList<string> All = [Viewer, Approver, Operator];
}
