using AspireMigration.Shared.Contracts.Api.Runs;
using System.Net;
using System.Net.Http.Json;
using AspireMigration.Executor.Api;
using AspireMigration.Executor.Steps;
using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;

namespace AspireMigration.Executor.Tests;

[Collection(ExecutorCollection.Name)]
public sealed class ApiTests(InfrastructureFixture infrastructure)
{
    /// <summary>Every answer these tests receive is checked against the committed document.</summary>
    private static readonly OpenApiContract Contract = OpenApiContract.Load("executor");

    [Fact]
    public async Task Bad_input_gets_problem_details_never_a_500()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var http = context.CreateClient(Contract.Checker()).Http;

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
        var malformed = await http.PostAsync("/api/runs", new StringContent("{ nope", null, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"body\"", await malformed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var wrongType = await http.PostAsync("/api/runs",
            new StringContent($$"""{"planId":"{{Guid.NewGuid()}}","batchSize":"10"}""", null, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains("\"batchSize\"", await wrongType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badId = await http.GetAsync("/api/runs/not-a-guid/audit");
        Assert.Contains("\"id\"", await badId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownPlan = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, unknownPlan.StatusCode);
        Assert.Equal("Plan not found", (await unknownPlan.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())?.Title);

        using var viewer = context.CreateClient(Contract.Checker()).Http.ActAs(infrastructure.ServiceApiKey, "viewer", Roles.Viewer);
        var forbidden = await viewer.PostAsJsonAsync("/api/runs", new StartRunRequest(Guid.NewGuid()));
        Assert.Equal((HttpStatusCode.Forbidden, "application/problem+json"),
            (forbidden.StatusCode, forbidden.Content.Headers.ContentType?.MediaType));
        Assert.Contains("needs the role Operator",
            (await forbidden.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>())?.Detail);
        using var anonymous = context.CreateClient(Contract.Checker()).Http;
        anonymous.DefaultRequestHeaders.Clear();
        var unauthenticated = await anonymous.GetAsync("/api/runs");
        Assert.Equal((HttpStatusCode.Unauthorized, "application/problem+json"),
            (unauthenticated.StatusCode, unauthenticated.Content.Headers.ContentType?.MediaType));

        var openApi = await http.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/runs/{id}/rollback-preview", openApi);
        var (committed, live) = await CommittedOpenApi.CompareAsync("executor", openApi);
        Assert.Equal(committed, live);
    }

    [Fact]
    public async Task Commands_a_run_does_not_accept_in_its_state_are_conflicts_and_backups_drop_once_finished()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.CreateClient(Contract.Checker()));
        var runId = await client.StartAsync(await scenario.InsertPlanAsync());
        // Read-your-writes: the 202's Location answers at once, before the run has finished.
        Assert.NotNull(await client.GetAsync(runId));
        var run = await client.WaitAsync(runId);

        await client.AssertRefusedAsync(run.RunId, "pause", "Cannot pause this run", "is Completed");
        await client.AssertRefusedAsync(run.RunId, "resume", "Cannot resume this run", "is Completed");
        await client.AssertRefusedAsync(run.RunId, "cancel", "Cannot cancel this run", "is Completed");
        var runs = await client.Http.GetFromJsonAsync<List<RunView>>("/api/runs");
        Assert.Contains(runs!, r => r.RunId == run.RunId);

        var backups = await client.Http.GetFromJsonAsync<List<BackupView>>("/api/backups");
        Assert.Equal(15, Assert.Single(backups!).RowCount);
        Assert.Equal(HttpStatusCode.NoContent, (await client.Http.DeleteAsync($"/api/backups/{run.RunId}")).StatusCode);
        Assert.False(await scenario.ScalarAsync<bool>($"SELECT to_regclass('backfill.\"sessions_backup_{run.RunId:N}\"') IS NOT NULL"));
        Assert.Equal(HttpStatusCode.Conflict, (await client.Http.DeleteAsync($"/api/backups/{run.RunId}")).StatusCode);
        // Without its backup there is nothing to restore from: the rollback is refused before anything is published.
        await client.AssertRefusedAsync(run.RunId, "rollback", RollbackGuard.BackupUnusable, "was dropped");
        Assert.Equal(Scenario.P1, (await scenario.SeedProjectsAsync())[1]);
    }

    [Fact]
    public async Task Report_streams_each_format_as_a_download_and_the_preview_pages_with_totals()
    {
        await using var context = await ExecutorTestContext.StartAsync(infrastructure);
        var (scenario, client) = (context.Scenario, context.CreateClient(Contract.Checker()));
        var run = await client.WaitAsync(await client.StartAsync(await scenario.InsertPlanAsync()));
        await scenario.ExecuteAsync(
            "UPDATE sessions SET project_id = @p WHERE id = @id", new { p = Scenario.P3, id = Scenario.Session(2) });

        foreach (var (format, mediaType) in new[] { ("json", "application/json"), ("csv", "text/csv"), ("md", "text/markdown") })
        {
            using var response = await client.Http.GetAsync($"/api/runs/{run.RunId}/report?format={format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"run-{run.RunId}.{format}", response.Content.Headers.ContentDisposition?.FileName);
        }
        var report = (await client.Http.GetFromJsonAsync<RunReport>($"/api/runs/{run.RunId}/report"))!;
        Assert.Equal(Scenario.SeedPlan.Select(i => Scenario.Session(i.Session)).Order(), report.Sessions.Select(s => s.SessionId));
        Assert.Equal(new Dictionary<string, int> { ["migrated"] = 15, ["skipped"] = 3 }, report.Outcomes);
        Assert.Equal(("Completed", 15), (report.Run.State, report.Run.Migrated));

        var unknown = await client.Http.GetAsync($"/api/runs/{run.RunId}/report?format=pdf");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"format\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var page = (await client.Http.GetFromJsonAsync<RollbackPreview>($"/api/runs/{run.RunId}/rollback-preview?page=2&pageSize=10"))!;
        Assert.Equal((14, 0, 1, 2, 10), (page.WouldRestore, page.AlreadyOriginal, page.Conflicts, page.Page, page.PageSize));
        var migrated = Scenario.SeedPlan.Where(i => i.Type != "manual_review").Select(i => Scenario.Session(i.Session)).Order().ToList();
        Assert.Equal(migrated[10..], page.Sessions.Select(s => s.SessionId));
        var first = (await client.Http.GetFromJsonAsync<RollbackPreview>($"/api/runs/{run.RunId}/rollback-preview"))!;
        Assert.Equal((1, PageRequest.DefaultPageSize, 15), (first.Page, first.PageSize, first.Sessions.Count));
        Assert.Equal(RollbackAction.Conflict, first.Sessions.Single(s => s.SessionId == Scenario.Session(2)).Action);

        foreach (var (query, parameter) in new[]
        {
            ("page=0", "page"), ("page=abc", "page"), ("pageSize=1001", "pageSize"), ("pageSize=0", "pageSize"), ("pageSize=-5", "pageSize")
        })
        {
            var invalid = await client.Http.GetAsync($"/api/runs/{run.RunId}/rollback-preview?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"\"{parameter}\"", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
