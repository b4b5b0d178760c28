using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.UnitTests.ServiceDefaults;

/// <summary>
/// The HTTP clients every service gets (the Dashboard's calls to the Analyzer and the Executor): a call that changes something
/// is never sent twice, whatever the answer or the wait, since a retried analysis or run start would run twice; reads are
/// retried as the standard pipeline does.
/// </summary>
public sealed class HttpResilienceTests
{
    public static TheoryData<string> UnsafeMethods => ["POST", "PUT", "PATCH", "DELETE"];

    [Theory]
    [MemberData(nameof(UnsafeMethods))]
    public async Task A_call_that_changes_something_is_sent_once_even_when_it_fails(string method)
    {
        var service = new ScriptedHandler(TimeSpan.Zero, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        using var response = await SendAsync(service, new HttpMethod(method));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 1), (response.StatusCode, service.Calls));
    }

    [Fact]
    public async Task A_call_that_changes_something_is_waited_for_beyond_the_ten_seconds_a_read_may_take()
    {
        var service = new ScriptedHandler(TimeSpan.FromSeconds(11), HttpStatusCode.Accepted);

        using var response = await SendAsync(service, HttpMethod.Post);

        Assert.Equal((HttpStatusCode.Accepted, 1), (response.StatusCode, service.Calls));
    }

    [Fact]
    public async Task A_read_that_fails_is_retried()
    {
        var service = new ScriptedHandler(TimeSpan.Zero, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);

        using var response = await SendAsync(service, HttpMethod.Get);

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, service.Calls));
    }

    private static async Task<HttpResponseMessage> SendAsync(ScriptedHandler service, HttpMethod method)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddServiceDefaults();
        builder.Services.AddHttpClient("service").ConfigurePrimaryHttpMessageHandler(() => service);
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<IHttpClientFactory>().CreateClient("service");
        return await client.SendAsync(new HttpRequestMessage(method, "http://localhost/api/thing"));
    }
}
