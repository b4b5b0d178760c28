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
        var figures = await page.TextContentAsync("[data-testid=health-figures]");
        Assert.Contains("orphanCount", figures);
        Assert.Contains("backupTables", figures);
        Assert.Equal(1, await page.Locator("[data-testid=alerts]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "health.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
