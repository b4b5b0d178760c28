using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Dashboard.Plans;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using AspireMigration.TestSupport;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Dashboard.Tests;

/// <summary>The grid's server-side paging, filtering and sorting against a real plan.</summary>
public sealed class PlanReadModelTests : IClassFixture<InfrastructureFixture>
{
    private readonly InfrastructureFixture fixture;

    public PlanReadModelTests(InfrastructureFixture fixture) => this.fixture = fixture;

    [Fact]
    public async Task Pages_filter_and_sort_the_items_of_a_plan()
    {
        var (dataSource, planId) = await PlanDatabaseAsync();
        await using var _ = dataSource;
        var model = new PlanReadModel(dataSource);

        var (firstPage, total) = await model.GetItemsAsync(new PlanItemQuery(planId, 0, 2), CancellationToken.None);
        var (manual, manualTotal) = await model.GetItemsAsync(new PlanItemQuery(planId, 0, 10, AssignmentType: "manual_review"), CancellationToken.None);
        var (byConfidence, _) = await model.GetItemsAsync(new PlanItemQuery(planId, 0, 3, Sort: PlanItemSort.Confidence, Descending: true), CancellationToken.None);

        Assert.Equal(18, total);
        Assert.Equal([Session(1), Session(2)], firstPage.Select(i => i.SessionId));
        Assert.Equal("frontend-app", firstPage[0].TargetProjectName);
        Assert.Equal(3, manualTotal);
        Assert.All(manual, i => Assert.Equal("manual_review", i.AssignmentType));
        Assert.Equal(byConfidence.Select(i => i.Confidence).OrderDescending(), byConfidence.Select(i => i.Confidence));
    }

    [Fact]
    public async Task A_plan_shows_its_approval_in_force_and_the_approvals_withdrawn_before()
    {
        var (dataSource, planId) = await PlanDatabaseAsync();
        await using var _ = dataSource;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'ann');
                UPDATE backfill.plan_approvals SET withdrawn_at = now(), withdrawn_by = 'bob', withdraw_reason = 'assign session 10' WHERE plan_id = @planId;
                INSERT INTO backfill.plan_approvals (plan_id, approved_by) VALUES (@planId, 'bob');
                """, new { planId });
        }
        var model = new PlanReadModel(dataSource);

        var plan = await model.GetAsync(planId, CancellationToken.None);
        var listed = Assert.Single(await model.ListAsync(CancellationToken.None));

        Assert.Equal("bob", plan!.Summary.ApprovedBy);
        Assert.Equal("bob", listed.ApprovedBy);
        var withdrawn = Assert.Single(plan.WithdrawnApprovals);
        Assert.Equal(("ann", "bob", "assign session 10"), (withdrawn.ApprovedBy, withdrawn.WithdrawnBy, withdrawn.Reason));
    }

    [Fact]
    public async Task The_newest_decision_of_an_item_is_shown()
    {
        var (dataSource, planId) = await PlanDatabaseAsync();
        await using var _ = dataSource;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("""
                INSERT INTO backfill.plan_item_decisions (plan_id, session_id, decision, target_project_id, decided_by) VALUES
                    (@planId, @session, 'exclude', NULL, 'ann'),
                    (@planId, @session, 'assign', '10000000-0000-0000-0000-000000000001', 'bob')
                """, new { planId, session = Session(10) });
        }
        var model = new PlanReadModel(dataSource);

        var (items, _) = await model.GetItemsAsync(new PlanItemQuery(planId, 0, 1, AssignmentType: "manual_review"), CancellationToken.None);
        var distribution = await model.GetDistributionAsync(planId, Session(10), CancellationToken.None);

        Assert.Equal(("assign", "frontend-app"), (items[0].Decision, items[0].DecisionTargetName));
        Assert.Equal([4, 3, 3, 2], distribution.Select(d => d.Events));
    }

    private static Guid Session(int n) => Guid.Parse($"5e550000-0000-0000-0000-{n:D12}");

    /// <summary>The demo seed analysed by the real Analyzer engine, as the Dashboard finds it.</summary>
    private async Task<(NpgsqlDataSource DataSource, Guid PlanId)> PlanDatabaseAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await fixture.CreateDatabaseAsync(withTargetSchema: false));
        await new DemoSeeder(dataSource, NullLogger<DemoSeeder>.Instance).SeedAsync(new DemoSeedOptions());
        await new ToolSchemaMigrator(dataSource, NullLogger<ToolSchemaMigrator>.Instance).MigrateAsync();
        var plan = await new AnalysisEngine(dataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance)
            .AnalyzeAsync(AnalysisSettings.Default, "tests");
        return (dataSource, plan.PlanId);
    }
}
