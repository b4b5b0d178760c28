using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class HealthPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_health_page_shows_alert_states_and_the_analyzer_figures()
    {
        var page = await fixture.SignInAsync("viewer");
        await DashboardFixture.OpenAsync(page, "/status");

        await page.WaitForSelectorAsync("[data-testid=health-figures]");
        Assert.Matches("^[0-9][0-9,]*$", (await page.TextContentAsync("[data-testid=health-orphans]"))!.Trim());
        Assert.Matches("^[0-9][0-9,]*$", (await page.TextContentAsync("[data-testid=health-backups]"))!.Trim());
        await Assertions.Expect(page.Locator("[data-testid=health-latest]")).ToContainTextAsync("Newest plan");
        Assert.DoesNotContain("{\"", await page.InnerTextAsync("main"));
        Assert.Equal(1, await page.Locator("[data-testid=alerts]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "health.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
