using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Shared.Contracts.Plans;
using AspireMigration.TestSupport;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The HTTP API: happy paths the Dashboard relies on, and bad input answered with ProblemDetails.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ApiTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Posting_a_plan_returns_201_with_its_summary_and_lists_it()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var created = await client.PostAsync("/api/plans", null);
        var plan = await ReadJsonAsync(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var planId = plan.GetProperty("planId").GetGuid();
        Assert.Equal($"/api/plans/{planId}", created.Headers.Location?.OriginalString);
        Assert.Equal(4, plan.GetProperty("summary").GetProperty("total").GetInt32());
        Assert.Equal("approver", plan.GetProperty("createdBy").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/plans");
        Assert.Equal(planId, Assert.Single(list.EnumerateArray()).GetProperty("planId").GetGuid());
    }

    [Fact]
    public async Task Posting_with_settings_uses_them()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var created = await client.PostAsJsonAsync("/api/plans", new { prior = 0, confidentThreshold = 0.8, tentativeThreshold = 0.5 });
        var plan = await ReadJsonAsync(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0m, plan.GetProperty("settings").GetProperty("prior").GetDecimal());
        Assert.Equal(0.8m, plan.GetProperty("settings").GetProperty("confidentThreshold").GetDecimal());
        Assert.Equal("approver", plan.GetProperty("createdBy").GetString());
    }

    [Fact]
    public async Task A_new_plan_is_published_as_PlanCreated()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString, withTestHarness: true);
        using var client = factory.CreateClient();
        var harness = factory.Services.GetRequiredService<ITestHarness>();

        using var created = await client.PostAsync("/api/plans", null);
        var planId = (await ReadJsonAsync(created)).GetProperty("planId").GetGuid();

        Assert.True(await harness.Published.Any<PlanCreated>(m => m.Context.Message.PlanId == planId));
        var message = harness.Published.Select<PlanCreated>().Single().Context.Message;
        Assert.Equal((4, 2, 0, 1, 1), (message.Total, message.Confident, message.Tentative, message.ManualReview, message.Unassigned));
    }

    [Theory]
    [InlineData("""{"prior":-1}""", "prior")]
    [InlineData("""{"confidentThreshold":1.5}""", "confidentThreshold")]
    [InlineData("""{"tentativeThreshold":-0.1}""", "tentativeThreshold")]
    [InlineData("""{"confidentThreshold":0.5,"tentativeThreshold":0.7}""", "tentativeThreshold")]
    public async Task Invalid_settings_are_a_400_validation_problem(string body, string field)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/plans", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    [Theory]
    [InlineData("GET", "/api/plans/{unknown}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/plans/{unknown}/report", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/plans/not-a-guid", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/plans/{plan}?type=confidentish", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/plans/{plan}?page=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/plans/{plan}?pageSize=100000", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/plans/{plan}?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/plans/{plan}/report?format=xml", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/plans/{unknown}/approve", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/plans/{plan}/items/{unknown}/decision", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/plans/{plan}/items/not-a-guid/decision", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_are_answered_with_problem_details(string method, string template, HttpStatusCode expected)
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        var planId = (await db.AnalyzeAsync()).PlanId;
        var url = template.Replace("{plan}", planId.ToString(), StringComparison.Ordinal).Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { decision = "exclude", acknowledgeRisks = true });
        }
        using var response = await client.SendAsync(request);

        await AssertProblemAsync(response, expected);
    }

    [Fact]
    public async Task Analysing_a_database_without_the_target_tables_is_a_422_problem()
    {
        var connectionString = await fixture.CreateDatabaseAsync(withTargetSchema: false);
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/plans", null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("lacks the target table(s)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_are_paged_and_filtered_by_type()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        var planId = (await db.AnalyzeAsync()).PlanId;

        var confident = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}?type=confident&pageSize=1&page=2");
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");

        Assert.Equal(2, confident.GetProperty("totalItems").GetInt64());
        var item = Assert.Single(confident.GetProperty("items").EnumerateArray());
        Assert.Equal("confident", item.GetProperty("assignmentType").GetString());
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());
        Assert.Equal(planId, all.GetProperty("plan").GetProperty("planId").GetGuid());
    }

    [Fact]
    public async Task Decisions_are_recorded_and_the_newest_wins()
    {
        await using var db = await SeededDatabaseAsync();
        var target = await db.AddProjectAsync("target");
        var archived = await db.AddProjectAsync("old", status: "archived");
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        var planId = (await db.AnalyzeAsync()).PlanId;
        var session = (await db.ItemsAsync(planId)).Values.First(i => i.AssignmentType == "manual_review").SessionId;
        var url = $"/api/plans/{planId}/items/{session}/decision";

        using var excluded = await client.PostAsJsonAsync(url, new { decision = "exclude" });
        using var assigned = await client.PostAsJsonAsync(url, new { decision = "assign", targetProjectId = target });
        using var toArchived = await client.PostAsJsonAsync(url, new { decision = "assign", targetProjectId = archived });
        using var withoutTarget = await client.PostAsJsonAsync(url, new { decision = "assign" });
        using var unknownWord = await client.PostAsJsonAsync(url, new { decision = "maybe" });

        Assert.Equal(HttpStatusCode.NoContent, excluded.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, assigned.StatusCode);
        await AssertProblemAsync(toArchived, HttpStatusCode.BadRequest);
        await AssertProblemAsync(withoutTarget, HttpStatusCode.BadRequest);
        await AssertProblemAsync(unknownWord, HttpStatusCode.BadRequest);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}?type=manual_review");
        var decision = Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("decision");
        Assert.Equal(("assign", target, "approver"), (decision.GetProperty("decision").GetString(), decision.GetProperty("targetProjectId").GetGuid(), decision.GetProperty("decidedBy").GetString()));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_item_decisions"));
    }

    [Fact]
    public async Task A_plan_with_risks_is_approved_only_with_the_risks_acknowledged()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();
        var plan = await db.AnalyzeAsync();
        Assert.NotEmpty(plan.Risks);
        var url = $"/api/plans/{plan.PlanId}/approve";

        using var unacknowledged = await client.PostAsJsonAsync(url, new { acknowledgeRisks = false });
        using var approved = await client.PostAsJsonAsync(url, new { acknowledgeRisks = true });
        using var again = await client.PostAsJsonAsync(url, new { acknowledgeRisks = true });

        await AssertProblemAsync(unacknowledged, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approver", (await ReadJsonAsync(approved)).GetProperty("approval").GetProperty("approvedBy").GetString());
        await AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("approver", await db.ScalarAsync<string>("SELECT approved_by FROM backfill.plan_approvals WHERE plan_id = @id", new { id = plan.PlanId }));
    }

    [Fact]
    public async Task Projects_lists_only_active_ones()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.AddProjectAsync("alive");
        await db.AddProjectAsync("gone", status: "archived");
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        var projects = await client.GetFromJsonAsync<JsonElement>("/api/projects");

        Assert.Equal(["__unassigned__", "alive"], projects.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_plan_endpoints()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/plans", out _));
        Assert.True(paths.TryGetProperty("/api/plans/{id}/report", out _));
        Assert.True(paths.TryGetProperty("/api/health-summary", out _));
    }

    /// <summary>Two confident, one tie, one without evidence: a plan with risks.</summary>
    private async Task<TestDatabase> SeededDatabaseAsync()
    {
        var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        await db.AddOrphanAsync((p1, 9));
        await db.AddOrphanAsync((p2, 20));
        await db.AddOrphanAsync((p1, 3), (p2, 3));
        await db.AddOrphanAsync((null, 2));
        return db;
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadJsonAsync(response);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
