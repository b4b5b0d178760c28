using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Cli.Configuration;
using AspireMigration.Shared.Security;

namespace AspireMigration.Cli.Api;

/// <summary>
/// Calls the service APIs as the CLI client: its key, never on-behalf-of headers, so the services
/// record the client's own identity. Refusals and silence become exceptions the exit codes map.
/// </summary>
public sealed class ServiceClient(ServiceConnection connection) : IDisposable
{
    private readonly HttpClient http = new()
    {
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue(ServiceApiHeaders.Scheme, connection.Key) },
    };

    public async Task<JsonElement> GetAsync(Service service, string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(service, path)), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <summary>Sends <paramref name="body"/> (none when null) and returns the answer's JSON, or null for an empty answer.</summary>
    public async Task<JsonElement?> SendAsync(
        HttpMethod method, Service service, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, Url(service, path)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await SendAsync(request, cancellationToken);
        return response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent
            ? null
            : await ReadAsync(response, cancellationToken);
    }

    /// <summary>Streams a report (they can be large) to <paramref name="output"/>.</summary>
    public async Task DownloadAsync(Service service, string path, Stream output, CancellationToken cancellationToken)
    {
        using var response = await OpenAsync(service, path, cancellationToken);
        await response.Content.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Streams a report as text to <paramref name="output"/> (stdout).</summary>
    public async Task DownloadAsync(Service service, string path, TextWriter output, CancellationToken cancellationToken)
    {
        using var response = await OpenAsync(service, path, cancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
    }

    public void Dispose() => http.Dispose();

    private Task<HttpResponseMessage> OpenAsync(Service service, string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, Url(service, path)), cancellationToken, HttpCompletionOption.ResponseHeadersRead);

    private Uri Url(Service service, string path) =>
        new(service == Service.Analyzer ? connection.AnalyzerUrl : connection.ExecutorUrl, path);

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnreachableException(
                $"{request.RequestUri!.GetLeftPart(UriPartial.Authority)} did not answer: {e.Message}", e);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw new ApiRefusedException(response.StatusCode, await DescribeAsync(response, cancellationToken));
        }
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).Clone();

    /// <summary>The ProblemDetails' title, detail and field errors, or the status when the body is not one.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return $"{status}: the key was refused (a wrong or revoked key, or one of a client that may not act as it asked).";
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return $"{status}: this client's role may not take this action.";
        }
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var parts = new[] { "title", "detail" }
                .Select(p => problem.TryGetProperty(p, out var v) ? v.GetString() : null)
                .OfType<string>();
            var errors = problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().SelectMany(f => f.Value.EnumerateArray().Select(m => m.GetString())).OfType<string>()
                : [];
            return $"{status}: {string.Join(" ", parts.Concat(errors))}";
        }
        catch (JsonException)
        {
            return status;
        }
    }
}
