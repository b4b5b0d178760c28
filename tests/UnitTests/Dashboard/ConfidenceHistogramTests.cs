using AspireMigration.Dashboard.Clients.Plans;
using AspireMigration.Dashboard.Components.Shared;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class ConfidenceHistogramTests : BunitContext
{
    [Fact]
    public void Draws_one_row_per_bucket_with_bars_proportional_to_the_items()
    {
        var cut = Render<ConfidenceHistogram>(p => p
            .Add(c => c.Buckets, [new ConfidenceBucket(0.3m, 3), new ConfidenceBucket(0.9m, 15)])
            .Add(c => c.Total, 18));

        var rows = cut.FindAll("tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal("0.3–0.4", rows[0].QuerySelector("th")!.TextContent);
        Assert.Equal("0.9–1.0", rows[1].QuerySelector("th")!.TextContent);
        Assert.Equal("15", rows[1].QuerySelector(".count")!.TextContent);
        Assert.Contains($"width:{ConfidenceHistogram.FullWidth * 15 / 18}px", rows[1].QuerySelector(".bar")!.GetAttribute("style"));
    }

    [Fact]
    public void Keeps_a_tiny_bucket_visible()
    {
        var cut = Render<ConfidenceHistogram>(p => p
            .Add(c => c.Buckets, [new ConfidenceBucket(0.0m, 1)])
            .Add(c => c.Total, 1_000_000));

        Assert.Contains("width:2px", cut.Find(".bar").GetAttribute("style"));
    }

    [Fact]
    public void An_empty_bucket_keeps_its_row_and_draws_no_bar()
    {
        var cut = Render<ConfidenceHistogram>(p => p
            .Add(c => c.Buckets, [new ConfidenceBucket(0.1m, 0), new ConfidenceBucket(0.2m, 4)])
            .Add(c => c.Total, 4));

        var empty = cut.FindAll("tr")[0];
        Assert.Equal("0", empty.QuerySelector(".count")!.TextContent);
        Assert.Contains("width:0px", empty.QuerySelector(".bar")!.GetAttribute("style"));
    }
}
