using AspireMigration.Shared.Security;

namespace AspireMigration.Bench.Execution;

/// <summary>An Executor API client that acts for a user as the Dashboard does: the deployment key and the operator headers.</summary>
public static class ServiceApiClient
{
    public static HttpClient Create(Uri executor, string serviceApiKey, string role)
    {
        var http = new HttpClient { BaseAddress = executor, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new(ServiceApiHeaders.Scheme, serviceApiKey);
        http.DefaultRequestHeaders.Add(ServiceApiHeaders.OnBehalfOfUser, "bench");
        http.DefaultRequestHeaders.Add(ServiceApiHeaders.OnBehalfOfRole, role);
        return http;
    }
}
