using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class AccessibilityTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/plans")]
    [InlineData("/runs")]
    [InlineData("/status")]
    public async Task Main_pages_have_no_serious_accessibility_violations(string path)
    {
        var page = await fixture.SignInAsync("operator");
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("h1");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var results = await page.RunAxe();

        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, string.Join(Environment.NewLine, serious));
        await page.Context.CloseAsync();
    }
}
