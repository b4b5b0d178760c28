using System.Net;
using System.Text;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Hosting;

namespace AspireMigration.Executor.Tests;

/// <summary>An error answer tells the caller what was wrong with the request, never what the request carried.</summary>
[Collection(ExecutorCollection.Name)]
public sealed class ErrorDisclosureTests(InfrastructureFixture infrastructure)
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task A_malformed_body_is_a_400_that_echoes_no_header_and_no_stack_trace_outside_development(string environment)
    {
        await using var scenario = await Scenario.CreateAsync(infrastructure);
        await using var app = new ExecutorApp(
            scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey);
        await using var host = app.WithWebHostBuilder(builder => builder.UseEnvironment(environment));
        using var client = host.CreateClient().ActAs(infrastructure.ServiceApiKey, "operator", Roles.Operator);

        using var response = await client.PostAsync("/api/runs", new StringContent("{ \"planId\": ", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(infrastructure.ServiceApiKey, body);
        Assert.DoesNotContain(ServiceApiHeaders.OnBehalfOfUser, body, StringComparison.OrdinalIgnoreCase);
        // As a header name; the Development stack trace names the authorization middleware.
        Assert.DoesNotContain("\"Authorization\"", body, StringComparison.OrdinalIgnoreCase);
        // The answer names the input that was wrong (where the JSON broke off), and a stack trace, if any, only in Development.
        Assert.True(body.Contains("\"errors\":{\"planId\"", StringComparison.Ordinal), body);
        Assert.True(environment == "Development" || !body.Contains("   at ", StringComparison.Ordinal), body);
    }
}
