using AspireMigration.Analyzer.Analysis;
using AspireMigration.Analyzer.Plans;
using AspireMigration.Analyzer.Scoring;
using AspireMigration.Shared.Contracts.Api.Plans;
using AspireMigration.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace AspireMigration.Analyzer.Tests;

/// <summary>The 18-orphan seed scenario of the demo database gives the outcomes its comments promise.</summary>
[Collection(AnalyzerCollection.Name)]
public sealed class DemoScenarioTests(InfrastructureFixture fixture)
{
    private static readonly Guid P1 = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid P3 = Guid.Parse("10000000-0000-0000-0000-000000000003");
    private static readonly Guid P5 = Guid.Parse("10000000-0000-0000-0000-000000000005");

    private static Guid Session(int n) => Guid.Parse($"5e550000-0000-0000-0000-{n:D12}");

    [Fact]
    public async Task Seed_scenario_gives_7_confident_5_tentative_3_manual_and_3_unassigned()
    {
        var (plan, items) = await AnalyzeDemoAsync();

        Assert.Equal((18, 7, 5, 3, 3),
            (plan.Summary.Total, plan.Summary.Confident, plan.Summary.Tentative, plan.Summary.ManualReview, plan.Summary.Unassigned));
        Assert.Equal(18, items.Count);

        Assert.Equal(("confident", 0.9m, P1),
            (items[Session(6)].AssignmentType, items[Session(6)].Confidence, items[Session(6)].TargetProjectId!.Value));
        Assert.Equal(("tentative", 0.6m, P3),
            (items[Session(8)].AssignmentType, items[Session(8)].Confidence, items[Session(8)].TargetProjectId!.Value));

        var spread = items[Session(10)];
        Assert.Equal(("manual_review", 0.3077m, P1),
            (spread.AssignmentType, Math.Round(spread.Confidence, 4), spread.SuggestedProjectId!.Value));
        Assert.Null(spread.TargetProjectId);

        Assert.Equal("manual_review", items[Session(11)].AssignmentType);
        Assert.Contains("tie", items[Session(11)].Warnings);

        Assert.Equal(("tentative", P5), (items[Session(9)].AssignmentType, items[Session(9)].TargetProjectId!.Value));
        Assert.Contains(items[Session(9)].Warnings, w => w.Contains("archived", StringComparison.Ordinal));

        Assert.All(new[] { 13, 14, 15 },
            n => Assert.Equal(("unassigned", Guid.Empty), (items[Session(n)].AssignmentType, items[Session(n)].TargetProjectId!.Value)));
        Assert.Equal(0.9375m, items[Session(1)].Confidence);
        Assert.Equal("0.6667", Math.Round(items[Session(7)].Confidence, 4).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(plan.Risks, r => r.StartsWith("sessions still active (ended_at is null): 2;", StringComparison.Ordinal));
    }

    private async Task<(PlanSummary Plan, Dictionary<Guid, PlanItem> Items)> AnalyzeDemoAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(fixture.DemoConnectionString);
        await MigratedDatabase.MigrateToolSchemaAsync(dataSource);
        var plan = await new AnalysisEngine(dataSource, TimeProvider.System, NullLogger<AnalysisEngine>.Instance)
            .AnalyzeAsync(AnalysisSettings.Default, "tests");
        return (plan, await TestDatabase.ReadItemsAsync(dataSource, plan.PlanId));
    }
}
