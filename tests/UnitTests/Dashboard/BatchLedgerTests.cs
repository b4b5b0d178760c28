using AspireMigration.Dashboard.Clients.Runs;
using AspireMigration.Dashboard.Components.Runs;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

/// <summary>The run page's batch ledger: its pager counts batches in words a reader expects.</summary>
public sealed class BatchLedgerTests : FluentComponentContext
{
    [Theory]
    [InlineData(1, "1 batch")]
    [InlineData(12, "12 batches")]
    [InlineData(1200, "1,200 batches")]
    public void The_pager_counts_the_batches_in_the_singular_for_one(int batches, string summary)
    {
        var ledger = Enumerable.Range(1, batches)
            .Select(n => new BatchView(n, 1000, 0, 40, "executor-1", new DateTime(2026, 1, 5, 10, 0, 0, DateTimeKind.Utc)))
            .ToList();

        var cut = Render<BatchLedger>(p => p.Add(c => c.Batches, ledger).Add(c => c.Events, []));

        cut.WaitForAssertion(() => Assert.Contains(summary, cut.Find(".summary").TextContent.Replace('\u00a0', ' '),
            StringComparison.Ordinal));
        Assert.DoesNotContain("items", cut.Find(".summary").TextContent, StringComparison.Ordinal);
    }
}
