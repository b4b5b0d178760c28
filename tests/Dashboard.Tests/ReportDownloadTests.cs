namespace AspireMigration.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class ReportDownloadTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData("plans")]
    [InlineData("runs")]
    public async Task A_report_the_service_refuses_is_a_readable_page_not_a_500(string kind)
    {
        var page = await fixture.SignInAsync("viewer");

        var response = await page.GotoAsync($"/{kind}/{Guid.NewGuid()}/report?format=csv");

        Assert.NotNull(response);
        Assert.Equal(502, response.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        Assert.Contains("is unavailable", await page.TextContentAsync("h1"));
        Assert.False(string.IsNullOrWhiteSpace(await page.TextContentAsync("[role=alert]")));
        await page.Context.CloseAsync();
    }
}
