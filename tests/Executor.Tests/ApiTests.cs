using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class ApiTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Bad_input_gets_problem_details_never_a_500()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var http = context.Client.Http;

        foreach (var (method, url, expected) in new[]
        {
            (HttpMethod.Get, "/api/runs/not-a-guid", HttpStatusCode.BadRequest),
            (HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}", HttpStatusCode.NotFound),
            (HttpMethod.Get, $"/api/runs/{Guid.NewGuid()}/report?format=pdf", HttpStatusCode.NotFound),
            (HttpMethod.Post, "/api/runs/123/pause", HttpStatusCode.BadRequest),
            (HttpMethod.Post, $"/api/runs/{Guid.NewGuid()}/rollback", HttpStatusCode.NotFound),
            (HttpMethod.Delete, "/api/backups/nope", HttpStatusCode.BadRequest),
            (HttpMethod.Delete, $"/api/backups/{Guid.NewGuid()}", HttpStatusCode.NotFound),
        })
        {
            var response = await http.SendAsync(new HttpRequestMessage(method, url));
            Assert.Equal(expected, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var invalid = await http.PostAsJsonAsync("/api/runs", new { planId = Guid.Empty, batchSize = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("planId", problem);
        Assert.Contains("batchSize", problem);
        Assert.DoesNotContain("requestedBy", problem);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/api/runs", new StringContent("{ nope", null, "application/json"))).StatusCode);

        var openApi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/runs/{id}/rollback-preview", openApi);
    }

    [Fact]
    public async Task Commands_a_run_does_not_accept_in_its_state_are_conflicts_and_backups_drop_once_finished()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.Client);
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));

        Assert.Equal(HttpStatusCode.Conflict, (await client.CommandAsync(run.RunId, "pause")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.CommandAsync(run.RunId, "resume")).StatusCode);
        var runs = await client.Http.GetFromJsonAsync<List<RunView>>("/api/runs");
        Assert.Contains(runs!, r => r.RunId == run.RunId);

        var backups = await client.Http.GetFromJsonAsync<List<BackupView>>("/api/backups");
        Assert.Equal(15, Assert.Single(backups!).RowCount);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/backups/{run.RunId}")).StatusCode);
        Assert.False(await scenario.ScalarAsync<bool>($"SELECT to_regclass('backfill.\"sessions_backup_{run.RunId:N}\"') IS NOT NULL"));
        Assert.Equal(HttpStatusCode.Conflict, (await client.Http.DeleteAsync($"/api/backups/{run.RunId}")).StatusCode);
        // Without its backup there is nothing to restore from: the rollback fails before changing anything.
        await client.CommandAsync(run.RunId, "rollback");
        run = await client.WaitAsync(run.RunId, "Failed");
        Assert.Contains("was dropped", run.Reason);
        Assert.Equal(Scenario.P1, (await scenario.SeedProjectsAsync())[1]);
    }
}
