using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>What a plan records besides the item scores: snapshots, session timestamps, risks and recommendations.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class PlanTests(InfrastructureFixture fixture)
{
    [Fact]
    public async Task Every_analysis_is_a_new_immutable_snapshot()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        await db.AddOrphanAsync((p1, 9));
        var first = await db.AnalyzeAsync();
        await db.AddOrphanAsync((p1, 1));

        var second = await db.AnalyzeAsync();

        Assert.NotEqual(first.PlanId, second.PlanId);
        Assert.Single(await db.ItemsAsync(first.PlanId));
        Assert.Equal(2, (await db.ItemsAsync(second.PlanId)).Count);
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM backfill.plans"));
        Assert.Equal(1, await db.ScalarAsync<int>("SELECT total FROM backfill.plans WHERE id = @id", new { id = first.PlanId }));
    }

    [Fact]
    public async Task Items_record_the_session_updated_at_and_reasoning()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("frontend-app");
        var p2 = await db.AddProjectAsync("backend-api");
        var session = await db.AddOrphanAsync((p1, 14), (p2, 1));

        var item = (await db.ItemsAsync((await db.AnalyzeAsync()).PlanId))[session];

        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), item.SessionUpdatedAt);
        Assert.StartsWith("14 of 15 evidence events point to project frontend-app", item.Reasoning, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, int> { [p1.ToString()] = 14, [p2.ToString()] = 1 }, item.ProjectDistribution);
    }

    [Fact]
    public async Task Risks_and_recommendations_follow_the_plan()
    {
        await using var db = await TestDatabase.CreateAsync(fixture, withSentinel: false);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        await db.AddOrphanAsync((p1, 2), (p2, 2));
        await db.AddOrphanAsync((p1, 9));
        var active = await db.AddSessionAsync(stillActive: true);
        await db.AddEventsAsync(active, p1, 20);

        var plan = await db.AnalyzeAsync();

        Assert.Equal((3, 2, 0, 1, 0),
            (plan.Summary.Total, plan.Summary.Confident, plan.Summary.Tentative, plan.Summary.ManualReview, plan.Summary.Unassigned));
        Assert.Contains(plan.Risks,
            r => r.StartsWith("1 of 3 items (33.3%) are tentative or need manual review", StringComparison.Ordinal));
        Assert.Contains(plan.Risks, r => r.StartsWith("items needing manual review: 1;", StringComparison.Ordinal));
        Assert.Contains(plan.Risks,
            r => r.Contains("__unassigned__", StringComparison.Ordinal) && r.Contains("missing", StringComparison.Ordinal));
        Assert.Contains(plan.Risks, r => r.StartsWith("sessions still active (ended_at is null): 1;", StringComparison.Ordinal));
        Assert.Contains(plan.Recommendations, r => r.StartsWith("review the manual_review items (1)", StringComparison.Ordinal));
        Assert.Contains(plan.Recommendations, r => r.Contains("dry run first", StringComparison.Ordinal));
        Assert.Contains(plan.Recommendations, r => r.Contains("low-traffic window", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clean_plan_has_no_risks()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        await db.AddOrphanAsync((p1, 9));
        await db.AddOrphanAsync((p1, 20));

        var plan = await db.AnalyzeAsync();

        Assert.Empty(plan.Risks);
        Assert.Equal(2, plan.Recommendations.Count);
    }

    [Fact]
    public async Task Analysing_a_database_without_orphans_gives_an_empty_plan()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);

        var plan = await db.AnalyzeAsync();

        Assert.Equal(0, plan.Summary.Total);
        Assert.Empty(await db.ItemsAsync(plan.PlanId));
    }
}
