namespace AspireMigration.Shared.Security;

/// <summary>
/// How callers present themselves to the service APIs: "Authorization: ApiKey &lt;key&gt;" names the
/// client (<see cref="ServiceApiClientOptions"/>); only a client allowed to act on behalf of its
/// users (the Dashboard) may name the signed-in user and role in the on-behalf-of headers.
/// </summary>
public static class ServiceApiHeaders
{
    public const string Scheme = "ApiKey";
    public const string OnBehalfOfUser = "X-On-Behalf-Of-User";
    public const string OnBehalfOfRole = "X-On-Behalf-Of-Role";
}
