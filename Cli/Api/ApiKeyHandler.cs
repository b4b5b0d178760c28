using System.Net.Http.Headers;
using AspireMigration.Shared.Security;

namespace AspireMigration.Cli.Api;

/// <summary>
/// Presents the CLI client's key on every request, never on-behalf-of headers, so the services record the
/// client's own identity; and turns silence into <see cref="ServiceUnreachableException"/> while the URL is
/// still at hand (the generated clients' exceptions do not carry it).
/// </summary>
public sealed class ApiKeyHandler(string key) : DelegatingHandler(new SocketsHttpHandler())
{
    /// <summary>HttpClient's own default, applied here so that a timeout, too, names the service (the client's is off).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(100);

    private readonly AuthenticationHeaderValue authorization = new(ServiceApiHeaders.Scheme, key);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = authorization;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await base.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnreachableException(
                $"{request.RequestUri!.GetLeftPart(UriPartial.Authority)} did not answer: {e.Message}", e);
        }
    }
}
