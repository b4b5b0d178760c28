using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture)
{
    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_the_sign_in_page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/plans");

        Assert.Contains("/login", page.Url);
        Assert.Contains("returnurl=%2fplans", page.Url, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("dashboard-demo-password", await page.GetByTestId("demo-hint").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "login.png") });
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await DashboardFixture.SubmitSignInAsync(page, "operator", "not-the-password");

        Assert.Contains("wrong password", await page.TextContentAsync("[role=alert]"));
        Assert.Equal(0, await page.Locator("[data-testid=current-user]").CountAsync());
    }

    [Theory]
    [InlineData("viewer", "Viewer")]
    [InlineData("approver", "Approver")]
    [InlineData("operator", "Operator")]
    public async Task Each_demo_role_signs_in_and_sees_the_orphan_count(string user, string role)
    {
        var page = await fixture.SignInAsync(user);

        Assert.Equal($"{user} ({role})", (await page.TextContentAsync("[data-testid=current-user]"))!.Trim());
        await page.WaitForSelectorAsync("[data-testid=orphan-count]");
        Assert.Equal("18", await page.TextContentAsync("[data-testid=orphan-count]"));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotDirectory, $"overview-{user}.png"), FullPage = true
        });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Only_an_approver_is_offered_to_analyze()
    {
        var viewer = await fixture.SignInAsync("viewer");
        var approver = await fixture.SignInAsync("approver");

        await viewer.GotoAsync("/plans");
        await approver.GotoAsync("/plans");
        await approver.WaitForSelectorAsync("[data-testid=analyze]");
        await viewer.WaitForSelectorAsync("h1:text('Plans')");

        Assert.Equal(0, await viewer.Locator("[data-testid=analyze]").CountAsync());
        Assert.Equal(1, await approver.Locator("[data-testid=analyze]").CountAsync());
        await viewer.Context.CloseAsync();
        await approver.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_in_needs_the_anti_forgery_token()
    {
        using var client = new HttpClient { BaseAddress = fixture.DashboardUrl };
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "operator",
            ["password"] = fixture.DemoPassword,
        }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
