namespace AspireMigration.Shared.Security;

/// <summary>Claims the service APIs add to an authenticated caller besides its name and roles.</summary>
public static class ServiceApiClaims
{
    /// <summary>The id of the client whose key authenticated the request (e.g. "dashboard", "cli").</summary>
    public const string Client = "aspire-migration/client";
}
