using System.Net.Http.Json;
using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Analyzer.Tests;

/// <summary>
/// The Dashboard's read path: the plan grid's server-side paging, filtering and sorting through the API, on the demo plan.
/// </summary>
[Collection(AnalyzerCollection.Name)]
public sealed class PlanReadApiTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Pages_filter_and_sort_the_items_of_a_plan()
    {
        var (connectionString, planId) = await PlanDatabaseAsync();
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateClient();

        var firstPage = await GetAsync(client, planId, new PlanItemQuery(1, 2));
        var manual = await GetAsync(client, planId, new PlanItemQuery(PageSize: 10, Type: "manual_review"));
        var byConfidence = await GetAsync(client, planId, new PlanItemQuery(PageSize: 3, Sort: PlanItemSort.Confidence, Descending: true));
        var frontend = (await client.GetFromJsonAsync<List<ProjectView>>("/api/projects?includeUnassignable=true"))!
            .Single(p => p.Name == "frontend-app");
        var ofFrontend = await GetAsync(client, planId, new PlanItemQuery(PageSize: 100, ProjectId: frontend.Id, MinConfidence: 0.5m));

        Assert.Equal(18, firstPage.TotalItems);
        Assert.Equal([Session(1), Session(2)], firstPage.Items.Select(i => i.SessionId));
        Assert.Equal(frontend.Id, firstPage.Items[0].TargetProjectId);
        Assert.Equal(3, manual.TotalItems);
        Assert.All(manual.Items, i => Assert.Equal("manual_review", i.AssignmentType));
        Assert.Equal(byConfidence.Items.Select(i => i.Confidence).OrderDescending(), byConfidence.Items.Select(i => i.Confidence));
        Assert.NotEmpty(ofFrontend.Items);
        Assert.All(ofFrontend.Items, i => Assert.True(
            (i.TargetProjectId == frontend.Id || i.SuggestedProjectId == frontend.Id) && i.Confidence >= 0.5m));
    }

    [Fact]
    public async Task A_plan_shows_its_approval_in_force_and_the_approvals_withdrawn_before()
    {
        var (connectionString, planId) = await PlanDatabaseAsync();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'ann');
                UPDATE backfill.plan_approvals SET withdrawn_at = now(), withdrawn_by = 'bob', withdraw_reason = 'assign session 10'
                WHERE plan_id = @planId;
                INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'bob');
                """, new { planId });
        }
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateClient();

        var plan = await GetAsync(client, planId, new PlanItemQuery(PageSize: 1));
        var listed = Assert.Single((await client.GetFromJsonAsync<List<PlanSummary>>("/api/plans"))!);
        var histogram = (await client.GetFromJsonAsync<List<ConfidenceBucket>>($"/api/plans/{planId}/confidence-histogram"))!;

        Assert.Equal("bob", plan.Plan.Approval?.ApprovedBy);
        Assert.Equal("bob", listed.Approval?.ApprovedBy);
        var withdrawn = Assert.Single(plan.Approvals, a => !a.InForce);
        Assert.Equal(("ann", "bob", "assign session 10"), (withdrawn.ApprovedBy, withdrawn.WithdrawnBy, withdrawn.WithdrawReason));
        Assert.Equal(plan.TotalItems, histogram.Sum(b => b.Items));
        // Every tenth, empty or not, so a gap in the distribution reads as one.
        Assert.Equal(Enumerable.Range(0, 10).Select(tenth => tenth / 10m), histogram.Select(b => b.Lower));
        Assert.Contains(histogram, b => b.Items == 0);
    }

    [Fact]
    public async Task The_newest_decision_of_an_item_is_shown()
    {
        var (connectionString, planId) = await PlanDatabaseAsync();
        var frontend = Guid.Parse("10000000-0000-0000-0000-000000000001");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.ExecuteAsync("""
                INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by) VALUES
                    (@planId, @session, 'exclude', NULL, 'ann'),
                    (@planId, @session, 'assign', @frontend, 'bob')
                """, new { planId, session = Session(10), frontend });
        }
        await using var factory = new AnalyzerApiFactory(fixture, connectionString);
        using var client = factory.CreateClient();

        var page = await GetAsync(client, planId, new PlanItemQuery(PageSize: 1, Type: "manual_review"));

        var item = Assert.Single(page.Items);
        Assert.Equal(Session(10), item.SessionId);
        Assert.Equal(("assign", frontend, "bob"), (item.Decision?.Decision, item.Decision?.TargetProjectId, item.Decision?.DecidedBy));
        Assert.Equal([4, 3, 3, 2], item.ProjectDistribution.Values.OrderDescending());
    }

    private static async Task<ItemPage> GetAsync(HttpClient client, Guid planId, PlanItemQuery query) =>
        (await client.GetFromJsonAsync<ItemPage>($"/api/plans/{planId}{query.ToQueryString()}"))!;

    private static Guid Session(int n) => Guid.Parse($"5e550000-0000-0000-0000-{n:D12}");

    /// <summary>The demo seed analysed by the real Analyzer engine.</summary>
    private async Task<(string ConnectionString, Guid PlanId)> PlanDatabaseAsync()
    {
        var connectionString = await fixture.CreateDatabaseAsync(withTargetSchema: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DemoSeeder(dataSource, NullLogger<DemoSeeder>.Instance).SeedAsync(new DemoSeedOptions());
        await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();
        var plan = await new AnalysisEngine(dataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance)
            .AnalyzeAsync(AnalysisSettings.Default, "tests");
        return (connectionString, plan.PlanId);
    }
}
