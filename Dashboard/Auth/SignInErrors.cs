namespace AspireMigration.Dashboard.Auth;

/// <summary>Why the sign-in page is shown again: the values of its "error" query parameter.</summary>
public static class SignInErrors
{
    public const string Refused = "refused";
    public const string LockedOut = "locked";
    public const string Throttled = "throttled";
}
