using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// Each caller has its own keys and identity: an automation client is one fixed identity whatever
/// headers it sends, its two keys work side by side during a rotation, and no other key is accepted.
/// </summary>
[Collection(AnalyzerCollection.Name)]
public sealed class CallerIdentityTests(InfrastructureFixture fixture)
{
    private const string Identity = "ci-pipeline";
    private readonly string currentKey = Guid.NewGuid().ToString("N");
    private readonly string nextKey = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task An_automation_client_cannot_act_as_someone_else_through_the_on_behalf_of_headers()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = WithAutomationClient(db);
        using var client = AsAutomation(factory, currentKey);

        using var impersonating = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/plans")
        {
            Headers = { { ServiceApiHeaders.OnBehalfOfUser, "approver" }, { ServiceApiHeaders.OnBehalfOfRole, Roles.Approver } },
        });
        using var asItself = await client.PostAsync("/api/plans", null);

        Assert.Equal(HttpStatusCode.Unauthorized, impersonating.StatusCode);
        Assert.Equal(HttpStatusCode.Created, asItself.StatusCode);
        Assert.Equal(Identity, await db.ScalarAsync<string>("SELECT string_agg(created_by, ',') FROM backfill.plans"));
    }

    [Fact]
    public async Task During_a_rotation_both_keys_of_a_client_authenticate_it_and_an_unknown_key_does_not()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = WithAutomationClient(db);

        using var current = await AsAutomation(factory, currentKey).GetAsync("/api/plans");
        using var next = await AsAutomation(factory, nextKey).PostAsync("/api/plans", null);
        using var unknown = await AsAutomation(factory, Guid.NewGuid().ToString("N")).GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(Identity, (await next.Content.ReadFromJsonAsync<PlanCreatedBy>())!.CreatedBy);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_user_cannot_take_the_name_of_an_automation_client()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = WithAutomationClient(db);
        using var dashboard = factory.CreateClient().ActAs(fixture.ServiceApiKey, Identity, Roles.Approver);

        using var response = await dashboard.PostAsync("/api/plans", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    [Fact]
    public async Task A_viewer_automation_client_may_read_but_not_analyse()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = WithAutomationClient(db, Roles.Viewer);
        using var client = AsAutomation(factory, currentKey);

        using var read = await client.GetAsync("/api/plans");
        using var analyse = await client.PostAsync("/api/plans", null);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, analyse.StatusCode);
    }

    private WebApplicationFactory<Analysis.AnalysisEngine> WithAutomationClient(TestDatabase db, string role = Roles.Approver) =>
        new AnalyzerApiFactory(fixture, db.ConnectionString).WithWebHostBuilder(builder => builder
            .UseSetting("ServiceApi:Clients:pipeline:Keys:0", currentKey)
            .UseSetting("ServiceApi:Clients:pipeline:Keys:1", nextKey)
            .UseSetting("ServiceApi:Clients:pipeline:Name", Identity)
            .UseSetting("ServiceApi:Clients:pipeline:Roles:0", role));

    /// <summary>A client that presents only its key, without the on-behalf-of headers the factory adds by default.</summary>
    private static HttpClient AsAutomation(WebApplicationFactory<Analysis.AnalysisEngine> factory, string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Remove(ServiceApiHeaders.OnBehalfOfUser);
        client.DefaultRequestHeaders.Remove(ServiceApiHeaders.OnBehalfOfRole);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(ServiceApiHeaders.Scheme, key);
        return client;
    }

    private sealed record PlanCreatedBy(string CreatedBy);
}
