using System.Net;
using AspireMigration.Dashboard.Clients;
using AspireMigration.Shared.Api;
using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.Shared.Contracts.Runs;
using AspireMigration.Shared.Security;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>The Dashboard's start of a run, against a stand-in Executor: what it is sent.</summary>
public sealed class ExecutorClientTests
{
    [Fact]
    public async Task A_start_goes_on_behalf_of_the_user_under_the_pages_idempotency_key()
    {
        var runId = Guid.NewGuid();
        var service = new StandInService(_ => new HttpResponseMessage(HttpStatusCode.Accepted)
        {
            Content = StandInService.Json(new RunAccepted(runId)).Content,
        });
        var client = new ExecutorClient(new HttpClient(service) { BaseAddress = new Uri("http://executor") });

        var started = await client.StartRunAsync(Guid.NewGuid(), dryRun: false, skipLowConfidence: false, 100, RunPacing.Fixed,
            "page-key", new Actor("operator", "Operator"), CancellationToken.None);

        Assert.Equal(runId, started);
        var (request, _) = Assert.Single(service.Received);
        Assert.Equal((HttpMethod.Post, "/api/runs"), (request.Method, request.RequestUri!.AbsolutePath));
        Assert.Equal(["page-key"], request.Headers.GetValues(IdempotencyKey.Header));
        Assert.Equal(["operator"], request.Headers.GetValues(ServiceApiHeaders.OnBehalfOfUser));
    }
}
