using System.Net;
using System.Net.Http.Json;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The API answers only the deployment's key, and acts only for the role an action needs.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ApiSecurityTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Without_the_key_every_api_answers_401_but_health_stays_open()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        using var plans = await client.GetAsync("/api/plans");
        using var wrongKey = await Send(client, HttpMethod.Get, "/api/plans", "not-the-key", Roles.Approver);
        using var health = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.Unauthorized, plans.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.Operator)]
    public async Task Only_an_approver_may_analyse_decide_approve_or_withdraw_approval(string role)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        var planId = (await db.AnalyzeAsync()).PlanId;

        using var analyse = await Send(client, HttpMethod.Post, "/api/plans", fixture.ServiceApiKey, role);
        using var approve = await Send(
            client, HttpMethod.Post, $"/api/plans/{planId}/approve", fixture.ServiceApiKey, role, new { acknowledgeRisks = true });
        await db.ExecuteAsync("INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'approver')", new { planId });
        using var withdraw = await Send(
            client, HttpMethod.Post, $"/api/plans/{planId}/withdraw-approval", fixture.ServiceApiKey, role, new { reason = "mine" });
        using var read = await Send(client, HttpMethod.Get, "/api/plans", fixture.ServiceApiKey, role);

        Assert.Equal(HttpStatusCode.Forbidden, analyse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withdraw.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("approver", await db.ScalarAsync<string>("SELECT approved_by FROM backfill.plan_approvals_in_force"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    [Fact]
    public async Task A_request_naming_no_known_role_is_refused()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await Send(client, HttpMethod.Get, "/api/plans", fixture.ServiceApiKey, "Admin");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Sends as <paramref name="role"/> with <paramref name="key"/>, not as the factory's default approver.</summary>
    private static Task<HttpResponseMessage> Send(
        HttpClient client, HttpMethod method, string url, string key, string role, object? body = null) =>
        client.ActAs(key, "someone", role)
            .SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) });
}
