using AspireMigration.Shared.Security;
using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

/// <summary>Lockout, revocation and sign-out in a real browser: what an attacker with guesses or a copied cookie meets.</summary>
[Collection(DashboardCollection.Name)]
[TestCaseOrderer(ThrottlingLastOrderer.TypeName, ThrottlingLastOrderer.AssemblyName)]
public sealed class SessionTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_then_even_the_right_one_is_refused()
    {
        var userName = await fixture.CreateUserAsync(Roles.Viewer);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        var messages = new List<string>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            messages.Add(await SubmitSignInAsync(page, userName, "wrong-" + attempt));
        }
        var withRightPassword = await SubmitSignInAsync(page, userName, fixture.DemoPassword);

        Assert.All(messages[..4], m => Assert.Contains("wrong password", m));
        Assert.Contains("locked", messages[4]);
        Assert.Contains("locked", withRightPassword);
        Assert.Equal(0, await page.Locator("[data-testid=current-user]").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, "login-locked.png") });
    }

    [Fact]
    public async Task Signing_out_ends_a_copied_cookie_and_a_live_circuit_at_once()
    {
        var userName = await fixture.CreateUserAsync(Roles.Viewer);
        var page = await fixture.SignInAsync(userName);
        await using var thief = await fixture.NewContextAsync();
        await thief.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path,
            HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var stolen = await thief.NewPageAsync();
        await DashboardFixture.OpenAsync(stolen, "/");
        Assert.Contains(userName, await stolen.TextContentAsync("[data-testid=current-user]"));

        await page.ClickAsync("form.logout button");
        await page.WaitForURLAsync("**/login");
        await ClickUnlessSignedOutAsync(stolen, "nav a[href='/plans']");

        await stolen.WaitForURLAsync("**/login**", new PageWaitForURLOptions { Timeout = 60_000 });
        await stolen.GotoAsync("/runs");
        Assert.Contains("/login", stolen.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lowered_role_takes_effect_on_the_next_action()
    {
        var userName = await fixture.CreateUserAsync(Roles.Approver);
        var page = await fixture.SignInAsync(userName);
        await DashboardFixture.OpenAsync(page, "/plans");
        await page.WaitForSelectorAsync("[data-testid=analyze]");

        await fixture.ExecuteAsync(
            "UPDATE backfill.dashboard_users SET role = 'Viewer' WHERE user_name = @userName", ("userName", userName));
        await ClickUnlessSignedOutAsync(page, "[data-testid=analyze]");

        await page.WaitForURLAsync("**/login**", new PageWaitForURLOptions { Timeout = 60_000 });
        page = await fixture.SignInAsync(userName);
        Assert.Equal($"{userName} (Viewer)", (await page.TextContentAsync("[data-testid=current-user]"))!.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_deleted_user_is_signed_out_on_the_next_request()
    {
        var userName = await fixture.CreateUserAsync(Roles.Operator);
        var page = await fixture.SignInAsync(userName);

        await fixture.ExecuteAsync("DELETE FROM backfill.dashboard_users WHERE user_name = @userName", ("userName", userName));
        var report = await page.Context.APIRequest.GetAsync($"/runs/{Guid.NewGuid()}/report?format=csv");
        // The live page's circuit revalidates the session too and may send it to sign-in first, cutting this navigation
        // short: either way the page must end on the sign-in page.
        try
        {
            await page.GotoAsync("/runs");
        }
        catch (PlaywrightException e) when (e.Message.Contains("interrupted by another navigation", StringComparison.Ordinal)
            || e.Message.Contains("net::ERR_ABORTED", StringComparison.Ordinal))
        {
        }
        await page.WaitForURLAsync("**/login**");

        Assert.Contains("/login", report.Url);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_out_needs_the_anti_forgery_token()
    {
        var page = await fixture.SignInAsync("viewer");

        var forged = await page.Context.APIRequest.PostAsync(
            "/account/logout", new() { Form = page.Context.APIRequest.CreateFormData(), MaxRedirects = 0 });
        await page.GotoAsync("/");

        Assert.Equal(400, forged.Status);
        Assert.Equal("viewer (Viewer)", (await page.TextContentAsync("[data-testid=current-user]"))!.Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_return_url_with_control_characters_signs_in_to_the_overview()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();

        await DashboardFixture.SubmitSignInAsync(page, "viewer", fixture.DemoPassword,
            "/login?returnUrl=%2Fplans%0D%0ASet-Cookie%3A%20x%3D1");

        await page.WaitForSelectorAsync("[data-testid=current-user]");
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "x");
    }

    [Fact]
    public async Task Sign_in_posts_from_one_address_are_throttled_with_a_message()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.DashboardUrl };
        HttpResponseMessage? throttled = null;
        // The window's permits may be partly spent by other tests; 21 posts exceed it in any case.
        for (var post = 0; post < 21 && throttled is null; post++)
        {
            var response = await client.PostAsync(
                "/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "nobody" }));
            if (response.Headers.Location?.OriginalString.Contains("error=throttled") == true)
            {
                throttled = response;
            }
        }

        Assert.NotNull(throttled);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(throttled.Headers.Location!.OriginalString);
        Assert.Contains("Too many sign-in attempts", await page.TextContentAsync("[role=alert]"));
        // No wait for the window to pass: a later sign-in through the form waits for it only if it needs to.
    }

    private static async Task<string> SubmitSignInAsync(IPage page, string userName, string password)
    {
        await DashboardFixture.SubmitSignInAsync(page, userName, password);
        return (await page.TextContentAsync("[role=alert]"))!;
    }

    /// <summary>
    /// Clicks, unless the page is already on its way to sign-in: the periodic check (every 30 s) may get there
    /// before the click, and a page that navigates away mid-click never finishes it. Sooner is as good.
    /// </summary>
    private static async Task ClickUnlessSignedOutAsync(IPage page, string selector)
    {
        try
        {
            await page.ClickAsync(selector, new PageClickOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // The caller's wait for the sign-in page decides whether the session really ended.
        }
    }
}
