using AspireMigration.Cli.Commands.Plans;

namespace AspireMigration.Cli.Tests;

/// <summary>The line under <c>plans show</c>'s items: which ones these are, and how to reach the rest.</summary>
public sealed class PlanPageLineTests
{
    [Theory]
    [InlineData(1, 12, 12, 18, "Items 1-12 of 18; --page 2 for the next 6.")]
    [InlineData(2, 12, 6, 18, "Items 13-18 of 18.")]
    [InlineData(1, 50, 18, 18, "Items 1-18 of 18.")]
    [InlineData(3, 1000, 1000, 1000000, "Items 2,001-3,000 of 1,000,000; --page 4 for the next 1,000.")]
    [InlineData(5, 50, 0, 18, "No items on page 5; there are 18 (--page 1).")]
    [InlineData(1, 50, 0, 0, "No items.")]
    public void Names_the_items_shown_and_the_next_page(int page, int pageSize, int shown, long total, string line) =>
        Assert.Equal(line, ShowPlanCommand.PageLine(page, pageSize, shown, total));
}
