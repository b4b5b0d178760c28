using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace AspireMigration.ApiClients;

/// <summary>
/// A generated client's request adapter over a caller's HttpClient, which already carries the key (so Kiota authenticates
/// nothing itself). Only the address's authority counts: the API paths in the documents are absolute.
/// </summary>
public static class ServiceAdapter
{
    public static HttpClientRequestAdapter Create(HttpClient http, Uri? address) =>
        new(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = address?.GetLeftPart(UriPartial.Authority) };
}
