using System.Net;
using System.Text.Json;
using AspireMigration.ApiClients;
using AspireMigration.ApiClients.Analyzer;
using AspireMigration.ApiClients.Executor;
using AspireMigration.Cli.Configuration;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AspireMigration.Cli.Api;

/// <summary>
/// The generated clients of both services over one HttpClient that carries the CLI client's key (<see cref="ApiKeyHandler"/>).
/// Kiota's own middleware (retries, redirects) is left out on purpose: a refused or failed call is reported, never repeated.
/// </summary>
public sealed class ServiceClient : IDisposable
{
    private readonly HttpClient http;
    private readonly HttpClientRequestAdapter analyzer;
    private readonly HttpClientRequestAdapter executor;

    public ServiceClient(ServiceConnection connection)
    {
        http = new HttpClient(new ApiKeyHandler(connection.Key)) { Timeout = Timeout.InfiniteTimeSpan };
        analyzer = ServiceAdapter.Create(http, connection.AnalyzerUrl);
        executor = ServiceAdapter.Create(http, connection.ExecutorUrl);
        Analyzer = new AnalyzerApi(analyzer).Api;
        Executor = new ExecutorApi(executor).Api;
    }

    public ApiClients.Analyzer.Api.ApiRequestBuilder Analyzer { get; }

    public ApiClients.Executor.Api.ApiRequestBuilder Executor { get; }

    /// <summary>Streams a report (they can be large) to <paramref name="output"/>, as the service rendered it.</summary>
    public async Task DownloadAsync(Service service, RequestInformation report, Stream output, CancellationToken cancellationToken)
    {
        await using var body = await OpenAsync(service, report, cancellationToken);
        await body.CopyToAsync(output, cancellationToken);
    }

    /// <summary>Streams a report as text to <paramref name="output"/> (stdout).</summary>
    public async Task DownloadAsync(Service service, RequestInformation report, TextWriter output, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await OpenAsync(service, report, cancellationToken));
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// The Analyzer's /health/details, which is the health-check endpoint, not part of the API document: its JSON, and whether
    /// every check is healthy (a 503 still carries the checks, which is what the caller wants to show).
    /// </summary>
    public async Task<(JsonElement Details, bool Healthy)> HealthDetailsAsync(CancellationToken cancellationToken)
    {
        var request = new RequestInformation(Method.GET, "{+baseurl}/health/details", new Dictionary<string, object>());
        var native = new NativeResponseHandler();
        request.AddRequestOptions([new ResponseHandlerOption { ResponseHandler = native }]);
        await analyzer.SendNoContentAsync(request, cancellationToken: cancellationToken);
        using var response = (HttpResponseMessage)native.Value!;
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.ServiceUnavailable)
        {
            throw new ApiException($"{(int)response.StatusCode}") { ResponseStatusCode = (int)response.StatusCode };
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return (document.RootElement.Clone(), response.IsSuccessStatusCode);
    }

    public void Dispose() => http.Dispose();

    private async Task<Stream> OpenAsync(Service service, RequestInformation report, CancellationToken cancellationToken) =>
        await (service == Service.Analyzer
            ? analyzer.SendPrimitiveAsync<Stream>(report, ApiProblem.AnalyzerMapping, cancellationToken)
            : executor.SendPrimitiveAsync<Stream>(report, ApiProblem.ExecutorMapping, cancellationToken))
        ?? Stream.Null;
}
