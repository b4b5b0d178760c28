namespace AspireMigration.Shared.Security;

/// <summary>Authorization policies shared by the Dashboard and the service APIs.</summary>
public static class Policies
{
    /// <summary>Approve plans, exclude items, assign manual-review targets, analyse.</summary>
    public const string Approve = "approve";

    /// <summary>Start, pause, resume, cancel and roll back runs; drop backups.</summary>
    public const string Operate = "operate";
}
