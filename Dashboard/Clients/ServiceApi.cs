using System.Net.Http.Json;
using AspireMigration.Shared.Security;

namespace AspireMigration.Dashboard.Clients;

/// <summary>Sends one request to a service API on behalf of a user; refusals become <see cref="ApiProblemException"/>.</summary>
public sealed class ServiceApi(HttpClient http)
{
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, Actor actor, object? body, CancellationToken cancellationToken)
    {
        using var request = Request(method, path, actor, body);
        var response = await http.SendAsync(request, cancellationToken);
        await response.EnsureAcceptedAsync(cancellationToken);
        return response;
    }

    public async Task<T> GetAsync<T>(string path, Actor actor, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, actor, null, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    /// <summary>Like <see cref="GetAsync{T}"/>, but a 404 is an answer (null), not a refusal.</summary>
    public async Task<T?> GetOrNullAsync<T>(string path, Actor actor, CancellationToken cancellationToken) where T : class
    {
        using var request = Request(HttpMethod.Get, path, actor, null);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        await response.EnsureAcceptedAsync(cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    public async Task<string> GetStringAsync(string path, Actor actor, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, actor, null, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    public async Task PostAsync(string path, Actor actor, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, actor, body, cancellationToken);
    }

    public async Task PutAsync(string path, Actor actor, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Put, path, actor, body, cancellationToken);
    }

    public async Task<T> PostAsync<T>(string path, Actor actor, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, actor, body, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))!;
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, Actor actor, object? body)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(ServiceApiHeaders.OnBehalfOfUser, actor.Name);
        request.Headers.Add(ServiceApiHeaders.OnBehalfOfRole, actor.Role);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        return request;
    }
}
