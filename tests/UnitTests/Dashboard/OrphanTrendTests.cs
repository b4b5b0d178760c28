using AspireMigration.Dashboard.Components.Shared;
using AspireMigration.Dashboard.Clients.Plans;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class OrphanTrendTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_analysis_and_the_count_now_are_points_in_time_order_the_highest_at_the_top()
    {
        PlanSummary[] plans = [Plan(Start.AddDays(2), total: 40), Plan(Start, total: 100)];

        var cut = Render<OrphanTrend>(p => p
            .Add(c => c.Plans, plans)
            .Add(c => c.OrphansNow, 10)
            .Add(c => c.Now, Start.AddDays(4)));

        var circles = cut.FindAll("circle");
        Assert.Equal(["100 orphans", "40 orphans", "10 orphans"], circles.Select(c => c.TextContent.Split(',')[0]));
        Assert.Equal(["6", "300", "594"], circles.Select(c => c.GetAttribute("cx")));
        Assert.Equal("6", circles[0].GetAttribute("cy"));
        Assert.Contains("the last 2 analyses and now: from 100 to 10", cut.Find("figcaption").TextContent);
        Assert.Contains("(scale 0 to 100)", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void One_analysis_is_named_in_the_singular()
    {
        var cut = Render<OrphanTrend>(p => p
            .Add(c => c.Plans, [Plan(Start, total: 18)])
            .Add(c => c.OrphansNow, 18)
            .Add(c => c.Now, Start.AddHours(1)));

        Assert.Contains("Orphan sessions at the last analysis and now: from 18 to 18", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void Without_an_analysis_there_is_no_trend_to_draw()
    {
        var cut = Render<OrphanTrend>(p => p.Add(c => c.Plans, []).Add(c => c.OrphansNow, 18));

        Assert.Empty(cut.FindAll("[data-testid=orphan-trend]"));
    }

    private static PlanSummary Plan(DateTimeOffset createdAt, int total) => new(
        Guid.NewGuid(), createdAt, "approver", new PlanSettings(1, 0.9m, 0.6m), new PlanCounts(total, total, 0, 0, 0), [], []);
}
