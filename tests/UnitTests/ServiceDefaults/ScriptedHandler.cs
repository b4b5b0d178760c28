using System.Net;

namespace AspireMigration.UnitTests.ServiceDefaults;

/// <summary>A service behind an HttpClient: answers each call with the next status, after an optional delay, and counts them.</summary>
public sealed class ScriptedHandler(TimeSpan delay, params HttpStatusCode[] answers) : HttpMessageHandler
{
    private int calls;

    public int Calls => calls;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        await Task.Delay(delay, cancellationToken);
        return new HttpResponseMessage(answers[Math.Min(call, answers.Length) - 1]);
    }
}
