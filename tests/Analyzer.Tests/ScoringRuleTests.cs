using AspireMigration.Analyzer.Scoring;
using AspireMigration.TestSupport;

namespace AspireMigration.Analyzer.Tests;

/// <summary>Every scoring rule of the product contract, end to end: rows in PostgreSQL in, plan items out.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class ScoringRuleTests(InfrastructureFixture fixture)
{
    [Theory]
    [InlineData(15, 0, "confident", "0.9375")]
    [InlineData(9, 0, "confident", "0.9")]      // 9/(9+1) is exactly the confident threshold
    [InlineData(8, 0, "tentative", "0.8889")]   // just under it
    [InlineData(6, 2, "tentative", "0.6667")]
    [InlineData(3, 1, "tentative", "0.6")]      // 3/(4+1) is exactly the tentative threshold
    [InlineData(2, 1, "manual_review", "0.5")]  // just under it
    public async Task Confidence_is_top_count_over_evidence_plus_prior(int top, int other, string expectedType, string expectedConfidence)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var session = await db.AddOrphanAsync((p1, top), (p2, other));

        var plan = await db.AnalyzeAsync();
        var item = (await db.ItemsAsync(plan.PlanId))[session];

        Assert.Equal(expectedType, item.AssignmentType);
        Assert.Equal(decimal.Parse(expectedConfidence, System.Globalization.CultureInfo.InvariantCulture), Math.Round(item.Confidence, 4));
        Assert.Equal(top + other, item.EvidenceEvents);
        Assert.Equal(p1, item.SuggestedProjectId);
        Assert.Equal(expectedType == "manual_review" ? null : p1, item.TargetProjectId);
    }

    [Fact]
    public async Task Boundaries_are_exact_in_decimal()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var ninety = await db.AddOrphanAsync((p1, 9));
        var sixty = await db.AddOrphanAsync((p1, 3), (p2, 1));

        var items = await db.ItemsAsync((await db.AnalyzeAsync()).PlanId);

        Assert.Equal(0.9m, items[ninety].Confidence);
        Assert.Equal(0.6m, items[sixty].Confidence);
    }

    [Theory]
    [InlineData(0, 3, 1, "tentative", "0.75")]
    [InlineData(0, 9, 0, "confident", "1")]
    [InlineData(2, 9, 0, "tentative", "0.8182")]
    [InlineData(5, 3, 0, "manual_review", "0.375")]
    public async Task Prior_is_configurable(decimal prior, int top, int other, string expectedType, string expectedConfidence)
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var session = await db.AddOrphanAsync((p1, top), (p2, other));

        var plan = await db.AnalyzeAsync(new AnalysisSettings(Prior: prior));
        var item = (await db.ItemsAsync(plan.PlanId))[session];

        Assert.Equal(prior, plan.Settings.Prior);
        Assert.Equal(expectedType, item.AssignmentType);
        Assert.Equal(decimal.Parse(expectedConfidence, System.Globalization.CultureInfo.InvariantCulture), Math.Round(item.Confidence, 4));
    }

    [Fact]
    public async Task Thresholds_are_configurable()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var session = await db.AddOrphanAsync((p1, 6), (p2, 2)); // 6/9 = 0.6667

        var strict = (await db.ItemsAsync(
            (await db.AnalyzeAsync(new AnalysisSettings(ConfidentThreshold: 0.95m, TentativeThreshold: 0.7m))).PlanId))[session];
        var lenient = (await db.ItemsAsync(
            (await db.AnalyzeAsync(new AnalysisSettings(ConfidentThreshold: 0.65m, TentativeThreshold: 0.5m))).PlanId))[session];

        Assert.Equal("manual_review", strict.AssignmentType);
        Assert.Equal("confident", lenient.AssignmentType);
    }

    [Fact]
    public async Task A_confidence_just_below_a_threshold_is_never_printed_at_it()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var session = await db.AddOrphanAsync((p1, 1808), (p2, 200)); // 1808 / (2008 + 1) = 0.899950…, 0.9000 to four places

        var item = (await db.ItemsAsync((await db.AnalyzeAsync()).PlanId))[session];

        Assert.Equal("tentative", item.AssignmentType);
        Assert.Equal(1808m / 2009, item.Confidence);
        Assert.EndsWith("confidence 1808/(2008+1) = 0.89995", item.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tie_for_the_top_count_needs_manual_review()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var p3 = await db.AddProjectAsync("p3");
        var session = await db.AddOrphanAsync((p1, 5), (p2, 5), (p3, 1));

        var item = (await db.ItemsAsync((await db.AnalyzeAsync()).PlanId))[session];

        Assert.Equal("manual_review", item.AssignmentType);
        Assert.Null(item.TargetProjectId);
        Assert.Null(item.SuggestedProjectId);
        Assert.Contains("tie", item.Warnings);
        Assert.Contains("p1", item.Reasoning);
        Assert.Contains("p2", item.Reasoning);
    }

    [Fact]
    public async Task Sentinel_and_null_project_events_are_not_evidence()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var onlyNoise = await db.AddOrphanAsync((TestDatabase.Sentinel, 4), (null, 2));
        var nullsBeside = await db.AddOrphanAsync((p1, 9), (null, 20));
        var sentinelBeside = await db.AddOrphanAsync((p1, 3), (TestDatabase.Sentinel, 10));

        var items = await db.ItemsAsync((await db.AnalyzeAsync()).PlanId);

        Assert.Equal("unassigned", items[onlyNoise].AssignmentType);
        Assert.Equal(6, items[onlyNoise].EventsTotal);
        Assert.Equal(0, items[onlyNoise].EvidenceEvents);
        Assert.Empty(items[onlyNoise].ProjectDistribution);
        // 9 of 9 evidence events (the 20 without a project do not dilute it): exactly 0.9, confident.
        Assert.Equal(("confident", 0.9m, 29, 9),
            (items[nullsBeside].AssignmentType, items[nullsBeside].Confidence, items[nullsBeside].EventsTotal,
                items[nullsBeside].EvidenceEvents));
        Assert.Equal(("tentative", 0.75m), (items[sentinelBeside].AssignmentType, items[sentinelBeside].Confidence));
        Assert.Equal(new Dictionary<string, int> { [p1.ToString()] = 3 }, items[sentinelBeside].ProjectDistribution);
    }

    [Fact]
    public async Task A_session_without_events_is_unassigned_to_the_sentinel()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var session = await db.AddSessionAsync();

        var plan = await db.AnalyzeAsync();
        var item = (await db.ItemsAsync(plan.PlanId))[session];

        Assert.Equal(("unassigned", TestDatabase.Sentinel, 0m, 0),
            (item.AssignmentType, item.TargetProjectId!.Value, item.Confidence, item.EventsTotal));
        Assert.Null(item.SuggestedProjectId);
        Assert.Equal(1, plan.Summary.Unassigned);
    }

    [Fact]
    public async Task A_confident_item_for_an_archived_project_becomes_tentative_with_a_warning()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var archived = await db.AddProjectAsync("legacy", status: "archived");
        var session = await db.AddOrphanAsync((archived, 12));

        var plan = await db.AnalyzeAsync();
        var item = (await db.ItemsAsync(plan.PlanId))[session];

        Assert.Equal("tentative", item.AssignmentType);
        Assert.Equal(archived, item.TargetProjectId);
        Assert.Contains(item.Warnings, w => w.Contains("legacy is archived", StringComparison.Ordinal));
        Assert.Contains(plan.Risks, r => r.Contains("not active", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_with_ten_thousand_events_is_scored_like_any_other()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var session = await db.AddOrphanAsync((p1, 9_990), (p2, 10));

        var item = (await db.ItemsAsync((await db.AnalyzeAsync()).PlanId))[session];

        Assert.Equal(10_000, item.EventsTotal);
        Assert.Equal(9_990m / 10_001m, item.Confidence);
        Assert.Equal("confident", item.AssignmentType);
        Assert.Equal(9_990, item.ProjectDistribution[p1.ToString()]);
    }

    [Fact]
    public async Task Events_of_assigned_sessions_are_ignored()
    {
        await using var db = await TestDatabase.CreateAsync(fixture);
        var p1 = await db.AddProjectAsync("p1");
        var p2 = await db.AddProjectAsync("p2");
        var assigned = await db.AddSessionAsync(projectId: p1);
        await db.AddEventsAsync(assigned, p2, 50);
        var orphan = await db.AddOrphanAsync((p1, 9));

        var plan = await db.AnalyzeAsync();
        var items = await db.ItemsAsync(plan.PlanId);

        Assert.Equal([orphan], items.Keys);
        Assert.Equal(1, plan.Summary.Total);
        Assert.Equal(9, items[orphan].EventsTotal);
        Assert.DoesNotContain(p2.ToString(), items[orphan].ProjectDistribution.Keys);
    }
}
