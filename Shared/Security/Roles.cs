namespace AspireMigration.Shared.Security;

/// <summary>The three roles of the product; every signed-in user may read.</summary>
public static class Roles
{
    public const string Viewer = nameof(Viewer);
    public const string Approver = nameof(Approver);
    public const string Operator = nameof(Operator);

    public static readonly IReadOnlyList<string> All = [Viewer, Approver, Operator];
}
