using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Clients.Plans;
using AspireMigration.Shared.Security;
using Microsoft.AspNetCore.WebUtilities;
using Served = AspireMigration.Shared.Contracts.Api.Plans;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>
/// The Dashboard's Analyzer client over the generated one, against a stand-in that answers with the Analyzer's own records: what
/// the pages read, what the Analyzer is sent, and how a refusal reads.
/// </summary>
public sealed class AnalyzerClientTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Approver = new("approver", "Approver");
    private readonly Guid planId = Guid.NewGuid();

    [Fact]
    public async Task A_plan_page_reads_into_the_views_with_the_apis_words_and_goes_on_behalf_of_the_user_with_the_key()
    {
        var (project, other, session) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var item = new Served.PlanItem(session, "manual_review", null, project, 0.5714m, 7, 5,
            new Dictionary<string, int> { [project.ToString()] = 4, [other.ToString()] = 1 }, "A tie between two projects.",
            ["tie"], At, new Served.ItemDecision("assign", project, "approver", At));
        Served.ApprovalRecord[] approvals =
        [
            new("approver", At, true, "approver2", At.AddHours(1), "Wrong target"),
            new("approver2", At.AddHours(2), true, null, null, null),
        ];
        var answer = new Served.ItemPage(Plan(), approvals, 2, 25, "manual_review", 26, [item]);
        var service = new StandInService(_ => StandInService.Json(answer));

        var page = await Client(service).GetPlanAsync(
            planId, new PlanItemQuery(2, 25, "manual_review", project, "Confidence", Descending: true), Approver, CancellationToken.None);

        Assert.NotNull(page);
        Assert.Equal((planId, "approver", new PlanCounts(26, 20, 5, 1, 0)), (page.Plan.PlanId, page.Plan.CreatedBy, page.Plan.Summary));
        Assert.Equal(new PlanSettings(1m, 0.9m, 0.6m), page.Plan.Settings);
        Assert.Equal([false, true], page.Approvals.Select(a => a.InForce));
        Assert.Equal("Wrong target", page.Approvals[0].WithdrawReason);
        Assert.Equal(26, page.TotalItems);
        var read = Assert.Single(page.Items);
        Assert.Equal((session, "manual_review", 0.5714m, "A tie between two projects."),
            (read.SessionId, read.AssignmentType, read.Confidence, read.Reasoning));
        Assert.Equal(item.ProjectDistribution, read.ProjectDistribution);
        Assert.Equal(new ItemDecision("assign", project), read.Decision);

        var (request, _) = Assert.Single(service.Received);
        Assert.Equal($"/api/plans/{planId}", request.RequestUri!.AbsolutePath);
        var query = QueryHelpers.ParseQuery(request.RequestUri.Query).ToDictionary(p => p.Key.ToLowerInvariant(), p => p.Value.ToString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["page"] = "2", ["pagesize"] = "25", ["type"] = "manual_review", ["projectid"] = project.ToString(), ["sort"] = "Confidence",
            ["descending"] = "true",
        }, query);
        Assert.Equal(["approver"], request.Headers.GetValues(ServiceApiHeaders.OnBehalfOfUser));
        Assert.Equal(["Approver"], request.Headers.GetValues(ServiceApiHeaders.OnBehalfOfRole));
        Assert.Equal(new AuthenticationHeaderValue(ServiceApiHeaders.Scheme, "dashboard-key"), request.Headers.Authorization);
    }

    [Fact]
    public async Task An_unknown_plan_is_no_page_and_refusals_read_as_their_problem_details_or_their_status()
    {
        var session = Guid.NewGuid();
        var service = new StandInService(request => request.RequestUri!.AbsolutePath switch
        {
            var path when path.EndsWith("/decision", StringComparison.Ordinal) =>
                StandInService.Problem(HttpStatusCode.Conflict, """{"title":"Conflict","status":409,"detail":"Plan is frozen"}"""),
            var path when path.EndsWith("/approve", StringComparison.Ordinal) => new HttpResponseMessage(HttpStatusCode.BadGateway),
            _ => StandInService.Problem(HttpStatusCode.NotFound, """{"title":"Not Found","status":404}"""),
        });
        var client = Client(service);

        Assert.Null(await client.GetPlanAsync(planId, new PlanItemQuery(PageSize: 1), Approver, CancellationToken.None));
        var frozen = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.DecideAsync(planId, session, "assign", planId, Approver, CancellationToken.None));
        var unmapped = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.ApproveAsync(planId, acknowledgeRisks: true, Approver, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<ApiProblemException>(() =>
            client.GetReportAsync(planId, "csv", Approver, CancellationToken.None));

        Assert.Equal("Plan is frozen", frozen.Message);
        Assert.Equal("The service answered 502 Bad Gateway.", unmapped.Message);
        Assert.Equal("Not Found", missing.Message);
        var decision = JsonNode.Parse(service.Received[1].Body!)!;
        Assert.Equal("assign", decision["decision"]!.GetValue<string>());
        Assert.Equal(planId.ToString(), decision["targetProjectId"]!.GetValue<string>());
        Assert.True(JsonNode.Parse(service.Received[2].Body!)!["acknowledgeRisks"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_report_comes_as_the_analyzer_rendered_it()
    {
        const string csv = "# plan\nsession_id,assignment_type\n";
        var service = new StandInService(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(csv) });

        var report = await Client(service).GetReportAsync(planId, "csv", Approver, CancellationToken.None);

        Assert.Equal(csv, report);
        Assert.Equal("?format=csv", service.Received.Single().Request.RequestUri!.Query);
    }

    private Served.PlanSummary Plan() => new(
        planId, At, "approver", new Served.PlanSettings(1m, 0.9m, 0.6m), new Served.PlanCounts(26, 20, 5, 1, 0), ["risk"], [], 12.5);

    private static AnalyzerClient Client(StandInService service) => new(new HttpClient(service)
    {
        BaseAddress = new Uri("http://analyzer"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue(ServiceApiHeaders.Scheme, "dashboard-key") },
    });
}
