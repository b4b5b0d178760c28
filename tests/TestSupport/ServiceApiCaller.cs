using AspireMigration.Shared.Security;

namespace AspireMigration.TestSupport;

public static class ServiceApiCaller
{
    /// <summary>Makes <paramref name="client"/> call a service API as the Dashboard does for a signed-in user.</summary>
    public static HttpClient ActAs(this HttpClient client, string serviceApiKey, string user, string role)
    {
        client.DefaultRequestHeaders.Authorization = new(ServiceApiHeaders.Scheme, serviceApiKey);
        client.DefaultRequestHeaders.Remove(ServiceApiHeaders.OnBehalfOfUser);
        client.DefaultRequestHeaders.Remove(ServiceApiHeaders.OnBehalfOfRole);
        client.DefaultRequestHeaders.Add(ServiceApiHeaders.OnBehalfOfUser, user);
        client.DefaultRequestHeaders.Add(ServiceApiHeaders.OnBehalfOfRole, role);
        return client;
    }
}
