using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Dashboard.Components.Runs;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class BatchChartTests : FluentComponentContext
{
    [Fact]
    public void The_legend_names_each_batchs_own_rate_and_groups_its_figures_by_thousands()
    {
        // 1000 sessions in 400 ms and 3000 in 1200 ms: both 2,500 sessions per second, the second batch the longest.
        BatchView[] batches =
        [
            new(1, 990, 10, 400, "executor-1", new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc)),
            new(2, 3000, 0, 1200, "executor-1", new DateTime(2026, 1, 5, 10, 0, 2, DateTimeKind.Utc)),
        ];

        var cut = Render<BatchChart>(p => p.Add(c => c.Batches, batches));

        var legend = cut.Find("figcaption").TextContent;
        Assert.Contains("batch duration (longest 1,200 ms)", legend, StringComparison.Ordinal);
        Assert.Contains("each batch's sessions per second (fastest 2,500)", legend, StringComparison.Ordinal);
        Assert.Equal(2, cut.FindAll("rect").Count);
    }

    [Fact]
    public void The_legend_and_the_ledger_print_a_batchs_duration_alike()
    {
        // 16.5 ms: Math.Round alone gave the legend 16 beside the ledger's 17 for the same batch.
        BatchView[] batches = [new(1, 15, 0, 16.5, "executor-1", new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc))];

        var chart = Render<BatchChart>(p => p.Add(c => c.Batches, batches));
        var ledger = Render<BatchLedger>(p => p.Add(c => c.Batches, batches).Add(c => c.Events, []));

        Assert.Contains("longest 17 ms", chart.Find("figcaption").TextContent, StringComparison.Ordinal);
        ledger.WaitForAssertion(() =>
            Assert.Contains("17 ms", ledger.Find("[data-testid=batch-ledger]").TextContent, StringComparison.Ordinal));
    }
}
