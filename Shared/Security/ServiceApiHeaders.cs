namespace AspireMigration.Shared.Security;

/// <summary>
/// How the Dashboard calls the service APIs: the shared key proves the caller is a component of
/// this deployment; the on-behalf-of headers name the signed-in user whose role the API checks.
/// </summary>
public static class ServiceApiHeaders
{
    public const string Scheme = "ApiKey";
    public const string OnBehalfOfUser = "X-On-Behalf-Of-User";
    public const string OnBehalfOfRole = "X-On-Behalf-Of-Role";
}
