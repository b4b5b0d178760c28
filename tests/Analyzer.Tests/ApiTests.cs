using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AspireMigration.Shared.Security;
using Dapper;
using Npgsql;
using AspireMigration.Shared.Contracts.Plans;
using AspireMigration.TestSupport;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The HTTP API: happy paths the Dashboard relies on, and bad input answered with ProblemDetails.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ApiTests(InfrastructureFixture fixture)
{
    /// <summary>Every answer these tests receive is checked against the committed document.</summary>
    private static readonly OpenApiContract Contract = OpenApiContract.Load("analyzer");

    [Fact]
    public async Task Posting_a_plan_returns_201_with_its_summary_and_lists_it()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

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
        using var client = factory.CreateDefaultClient(Contract.Checker());

        using var created = await client.PostAsJsonAsync(
            "/api/plans", new { prior = 0, confidentThreshold = 0.8, tentativeThreshold = 0.5 });
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
        using var client = factory.CreateDefaultClient(Contract.Checker());
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
    [InlineData("""{"prior":1e30}""", "prior")]
    [InlineData("""{"prior":79228162514264337593543950335}""", "prior")]
    [InlineData("""{"prior":1000001}""", "prior")]
    [InlineData("""{"prior":"NaN"}""", "prior")]
    [InlineData("""{"prior":"Infinity"}""", "prior")]
    [InlineData("""{"prior":true}""", "prior")]
    [InlineData("""{"prior":{}}""", "prior")]
    [InlineData("""{"confidentThreshold":1e300}""", "confidentThreshold")]
    [InlineData("""{"confidentThreshold":79228162514264337593543950335}""", "confidentThreshold")]
    [InlineData("""{"tentativeThreshold":"-Infinity"}""", "tentativeThreshold")]
    [InlineData("""{"tentativeThreshold":[0.5]}""", "tentativeThreshold")]
    [InlineData("""[1,2]""", "body")]
    public async Task Invalid_settings_are_a_400_validation_problem(string body, string field)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

        using var response = await client.PostAsync("/api/plans", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    [Theory]
    [InlineData("GET", "/api/plans/{unknown}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/plans/{unknown}/report", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/plans/not-a-guid", HttpStatusCode.BadRequest, "id")]
    [InlineData("GET", "/api/plans/{plan}?type=confidentish", HttpStatusCode.BadRequest, "type")]
    [InlineData("GET", "/api/plans/{plan}?page=0", HttpStatusCode.BadRequest, "page")]
    [InlineData("GET", "/api/plans/{plan}?pageSize=100000", HttpStatusCode.BadRequest, "pageSize")]
    [InlineData("GET", "/api/plans/{plan}?page=abc", HttpStatusCode.BadRequest, "page")]
    [InlineData("GET", "/api/plans/{plan}?minConfidence=high", HttpStatusCode.BadRequest, "minConfidence")]
    [InlineData("GET", "/api/plans/{plan}/report?format=xml", HttpStatusCode.BadRequest, "format")]
    [InlineData("POST", "/api/plans/{unknown}/approve", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/plans/{plan}/items/{unknown}/decision", HttpStatusCode.NotFound)]
    [InlineData("POST", "/api/plans/{plan}/items/not-a-guid/decision", HttpStatusCode.BadRequest, "sessionId")]
    public async Task Bad_requests_are_answered_with_problem_details(
        string method, string template, HttpStatusCode expected, string? input = null)
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        var planId = (await db.AnalyzeAsync()).PlanId;
        var url = template.Replace("{plan}", planId.ToString(), StringComparison.Ordinal)
            .Replace("{unknown}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { decision = "exclude", acknowledgeRisks = true });
        }
        using var response = await client.SendAsync(request);

        var problem = await AssertProblemAsync(response, expected);
        if (input is not null)
        {
            // The 400 names the input that was wrong, whether binding or the handler refused it.
            Assert.True(problem.GetProperty("errors").TryGetProperty(input, out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Callers_without_a_key_or_the_role_get_a_problem_that_says_why()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var anonymous = factory.CreateDefaultClient(Contract.Checker());
        anonymous.DefaultRequestHeaders.Clear();
        using var viewer = factory.CreateDefaultClient(Contract.Checker()).ActAs(fixture.ServiceApiKey, "viewer", Roles.Viewer);

        using var unauthenticated = await anonymous.GetAsync("/api/plans");
        using var forbidden = await viewer.PostAsync("/api/plans", null);

        Assert.Contains("Authorization: ApiKey",
            (await AssertProblemAsync(unauthenticated, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        Assert.Equal("ApiKey", unauthenticated.Headers.WwwAuthenticate.ToString());
        Assert.Contains("needs the role Approver",
            (await AssertProblemAsync(forbidden, HttpStatusCode.Forbidden)).GetProperty("detail").GetString());
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
    }

    [Fact]
    public async Task The_committed_openapi_documents_have_no_linter_errors()
    {
        var (exitCode, output) = await OpenApiLinter.LintAsync("analyzer", "executor");

        Assert.True(exitCode == 0, output);
        Assert.Contains("analyzer.json: validated", output);
        Assert.Contains("executor.json: validated", output);
    }

    [Fact]
    public async Task Analysing_a_database_without_the_target_tables_is_a_422_problem()
    {
        var connectionString = await fixture.CreateDatabaseAsync(withTargetSchema: false);
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

        using var response = await client.PostAsync("/api/plans", null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("lacks the target table(s)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_are_paged_and_filtered_by_type()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
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
        using var client = factory.CreateDefaultClient(Contract.Checker());
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
        Assert.Equal(("assign", target, "approver"), (decision.GetProperty("decision").GetString(),
            decision.GetProperty("targetProjectId").GetGuid(), decision.GetProperty("decidedBy").GetString()));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_item_decisions"));
    }

    [Fact]
    public async Task A_plan_with_risks_is_approved_only_with_the_risks_acknowledged()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
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
        Assert.Equal("approver", await db.ScalarAsync<string>(
            "SELECT approved_by FROM backfill.plan_approvals WHERE plan_id = @id", new { id = plan.PlanId }));
    }

    [Theory]
    [InlineData("exclude")]
    [InlineData("include")]
    [InlineData("assign")]
    public async Task A_decision_after_approval_is_a_409_and_writes_nothing(string decision)
    {
        await using var db = await SeededDatabaseAsync();
        var target = await db.AddProjectAsync("target");
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        var planId = (await db.AnalyzeAsync()).PlanId;
        var session = (await db.ItemsAsync(planId)).Values.First(i => i.AssignmentType == "manual_review").SessionId;
        using var approved = await client.PostAsJsonAsync($"/api/plans/{planId}/approve", new { acknowledgeRisks = true });

        using var response = await client.PostAsJsonAsync($"/api/plans/{planId}/items/{session}/decision",
            new { decision, targetProjectId = decision == "assign" ? target : (Guid?)null });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("Plan is frozen", problem.GetProperty("title").GetString());
        Assert.Contains(planId.ToString(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_item_decisions"));
    }

    [Fact]
    public async Task A_decision_in_flight_holds_off_the_approval_which_then_covers_it()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        var planId = (await db.AnalyzeAsync()).PlanId;
        var session = (await db.ItemsAsync(planId)).Keys.First();
        await using var decision = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await decision.BeginTransactionAsync();
        await decision.ExecuteAsync("SELECT FROM backfill.plans WHERE id = @planId FOR SHARE", new { planId }, transaction);

        var approval = client.PostAsJsonAsync($"/api/plans/{planId}/approve", new { acknowledgeRisks = true });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(approval.IsCompleted);
        var decisionId = await decision.ExecuteScalarAsync<long>("""
            INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, decided_by)
            VALUES (@planId, @session, 'exclude', 'approver') RETURNING id
            """, new { planId, session }, transaction);
        await transaction.CommitAsync();
        using var approved = await approval;

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal(decisionId, await db.ScalarAsync<long>(
            "SELECT decisions_through FROM backfill.plan_approvals WHERE plan_id = @planId", new { planId }));
    }

    [Fact]
    public async Task Withdrawing_an_approval_is_audited_reopens_decisions_and_needs_a_new_approval()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        using var otherApprover = factory.CreateDefaultClient(Contract.Checker())
            .ActAs(fixture.ServiceApiKey, "second-approver", Roles.Approver);
        var planId = (await db.AnalyzeAsync()).PlanId;
        var session = (await db.ItemsAsync(planId)).Keys.First();
        using var approved = await client.PostAsJsonAsync($"/api/plans/{planId}/approve", new { acknowledgeRisks = true });

        using var withdrawn = await otherApprover.PostAsJsonAsync(
            $"/api/plans/{planId}/withdraw-approval", new { reason = "  exclude a session  " });
        using var decided = await client.PostAsJsonAsync($"/api/plans/{planId}/items/{session}/decision", new { decision = "exclude" });
        var reopened = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        using var reapproved = await otherApprover.PostAsJsonAsync($"/api/plans/{planId}/approve", new { acknowledgeRisks = true });
        var history = (await client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}"))
            .GetProperty("approvals").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await ReadJsonAsync(withdrawn)).GetProperty("approval").ValueKind);
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("plan").GetProperty("approval").ValueKind);
        Assert.Equal(HttpStatusCode.OK, reapproved.StatusCode);
        Assert.Equal("second-approver", (await ReadJsonAsync(reapproved)).GetProperty("approval").GetProperty("approvedBy").GetString());
        Assert.Equal(2, history.Count);
        Assert.Equal(("approver", "second-approver", "exclude a session", false), (history[0].GetProperty("approvedBy").GetString(),
            history[0].GetProperty("withdrawnBy").GetString(), history[0].GetProperty("withdrawReason").GetString(),
            history[0].GetProperty("inForce").GetBoolean()));
        Assert.True(history[0].GetProperty("withdrawnAt").GetDateTimeOffset() >= history[0].GetProperty("approvedAt").GetDateTimeOffset());
        Assert.Equal(("second-approver", JsonValueKind.Null, true), (history[1].GetProperty("approvedBy").GetString(),
            history[1].GetProperty("withdrawnAt").ValueKind, history[1].GetProperty("inForce").GetBoolean()));
        Assert.Equal(await db.ScalarAsync<long>("SELECT max(id) FROM backfill.plan_item_decisions"),
            await db.ScalarAsync<long>(
                "SELECT decisions_through FROM backfill.plan_approvals_in_force WHERE plan_id = @planId", new { planId }));
    }

    [Fact]
    public async Task Withdrawal_is_refused_without_an_approval_while_a_run_is_active_and_without_a_reason()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        var planId = (await db.AnalyzeAsync()).PlanId;
        var url = $"/api/plans/{planId}/withdraw-approval";

        using var notApproved = await client.PostAsJsonAsync(url, new { reason = "why not" });
        using var approved = await client.PostAsJsonAsync($"/api/plans/{planId}/approve", new { acknowledgeRisks = true });
        await db.ExecuteAsync(
            "INSERT INTO backfill.runs (run_id, plan_id, requested_by, dry_run) VALUES (@runId, @planId, 'operator', false)",
            new { runId = Guid.NewGuid(), planId });
        using var runActive = await client.PostAsJsonAsync(url, new { reason = "too late" });
        using var blank = await client.PostAsJsonAsync(url, new { reason = "   " });
        using var missing = await client.PostAsJsonAsync(url, new { });
        using var unknown = await client.PostAsJsonAsync($"/api/plans/{Guid.NewGuid()}/withdraw-approval", new { reason = "gone" });

        Assert.Equal("Plan not approved",
            (await AssertProblemAsync(notApproved, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Run active", (await AssertProblemAsync(runActive, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        Assert.True((await AssertProblemAsync(blank, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.True((await AssertProblemAsync(missing, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _));
        await AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_approvals WHERE withdrawn_at IS NOT NULL"));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_approvals_in_force"));
    }

    [Fact]
    public async Task Approvals_are_append_only_in_the_database()
    {
        await using var db = await SeededDatabaseAsync();
        var planId = (await db.AnalyzeAsync()).PlanId;
        await db.ExecuteAsync("INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'approver')", new { planId });

        var rewrite = await Assert.ThrowsAsync<PostgresException>(
            () => db.ExecuteAsync("UPDATE backfill.plan_approvals SET approved_by = 'someone else'"));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("DELETE FROM backfill.plan_approvals"));
        var second = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync(
            "INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'approver')", new { planId }));

        Assert.Contains("append-only", rewrite.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, second.SqlState);
    }

    [Fact]
    public async Task The_sentinel_is_never_an_assign_target()
    {
        await using var db = await SeededDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());
        var planId = (await db.AnalyzeAsync()).PlanId;
        var session = (await db.ItemsAsync(planId)).Values.First(i => i.AssignmentType == "manual_review").SessionId;

        using var response = await client.PostAsJsonAsync($"/api/plans/{planId}/items/{session}/decision",
            new { decision = "assign", targetProjectId = TestDatabase.Sentinel });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("targetProjectId", out _));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plan_item_decisions"));
    }

    [Fact]
    public async Task Projects_lists_only_active_ones_and_never_the_sentinel()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await db.AddProjectAsync("alive");
        await db.AddProjectAsync("gone", status: "archived");
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

        var projects = await client.GetFromJsonAsync<JsonElement>("/api/projects");

        Assert.Equal(["alive"], projects.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_plan_endpoints()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/plans", out _));
        Assert.True(paths.TryGetProperty("/api/plans/{id}/report", out _));
        Assert.True(paths.TryGetProperty("/api/health-summary", out _));
    }

    [Fact]
    public async Task The_openapi_document_matches_the_committed_one()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        await using var factory = new AnalyzerApiFactory(fixture, db.ConnectionString);
        using var client = factory.CreateDefaultClient(Contract.Checker());

        var (committed, live) = await CommittedOpenApi.CompareAsync("analyzer", await client.GetStringAsync("/openapi/v1.json"));

        Assert.Equal(committed, live);
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
