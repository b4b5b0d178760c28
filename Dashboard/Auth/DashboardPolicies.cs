namespace AspireMigration.Dashboard.Auth;

public static class DashboardPolicies
{
    /// <summary>Approve plans, exclude items, assign manual-review targets.</summary>
    public const string Approve = "approve";

    /// <summary>Start, pause, resume, cancel and roll back runs.</summary>
    public const string Operate = "operate";
}
