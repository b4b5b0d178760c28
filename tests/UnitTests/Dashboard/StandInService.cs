using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>
/// A service API for the Dashboard's clients to call: it answers each request as the test says, in the service's own records
/// written as the service writes them, and keeps what it was sent.
/// </summary>
public sealed class StandInService(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<(HttpRequestMessage Request, string? Body)> Received { get; } = [];

    public static HttpResponseMessage Json(object body) =>
        new(HttpStatusCode.OK) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };

    public static HttpResponseMessage Problem(HttpStatusCode status, string problem) =>
        new(status) { Content = new StringContent(problem, Encoding.UTF8, "application/problem+json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.Add((request, request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken)));
        return answer(request);
    }
}
