using System.Collections.Concurrent;
using Aspire.Hosting.Testing;
using AspireMigration.TestSupport;
using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

/// <summary>The running stack plus Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class DashboardFixture : FullStackFixture
{
    /// <summary>The Dashboard's sign-in rate limit window (<c>Dashboard:SignIn:RateLimitWindow</c>), with a margin.</summary>
    private static readonly TimeSpan ThrottleWindow = TimeSpan.FromSeconds(65);

    private readonly ConcurrentDictionary<string, string> signedIn = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri DashboardUrl { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } =
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots"));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        DashboardUrl = App.GetEndpoint("dashboard", "http");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync"
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh browser context with no cookies, or with the cookies of <paramref name="storageState"/>.</summary>
    public Task<IBrowserContext> NewContextAsync(string? storageState = null) =>
        Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = DashboardUrl.ToString(), StorageState = storageState });

    /// <summary>
    /// A fresh browser context signed in as <paramref name="userName"/>, on the overview. The user's cookie from an earlier
    /// sign-in is reused while it is valid: signing in through the form costs a password hash and a sign-in post the
    /// address's rate limit counts. A session ended since (signed out, a new role) lands on the sign-in page: sign in there.
    /// </summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await NewContextAsync(signedIn.GetValueOrDefault(userName));
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (new Uri(page.Url).AbsolutePath == "/login")
        {
            await SubmitSignInAsync(page, userName, DemoPassword);
            signedIn[userName] = await context.StorageStateAsync();
        }
        await page.WaitForSelectorAsync("[data-testid=current-user]");
        return page;
    }

    /// <summary>
    /// Posts the sign-in form and waits for its answer (the overview, or the sign-in page's alert). A post the address's rate
    /// limit refused is made again once the window has passed: only the throttling test means to be throttled.
    /// </summary>
    public static async Task SubmitSignInAsync(IPage page, string userName, string password, string signInPath = "/login")
    {
        var deadline = DateTime.UtcNow + ThrottleWindow;
        while (true)
        {
            await page.GotoAsync(signInPath);
            await page.FillAsync("#userName", userName);
            await page.FillAsync("#password", password);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("[data-testid=current-user], [role=alert]");
            var alert = page.Locator("[role=alert]");
            if (await alert.CountAsync() == 0 || !(await alert.InnerTextAsync()).Contains("Too many sign-in attempts")
                || DateTime.UtcNow > deadline)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>A new account with the demo password, so a test may lock, demote or delete it without touching the demo users.</summary>
    public async Task<string> CreateUserAsync(string role)
    {
        var userName = "u-" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync("""
            INSERT INTO backfill.dashboard_users (user_name, password_hash, role)
            SELECT @userName, password_hash, @role FROM backfill.dashboard_users WHERE user_name = 'viewer'
            """, ("userName", userName), ("role", role));
        return userName;
    }

    /// <summary>Runs SQL on the demo database, as a DBA would by hand.</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(DemoConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Opens <paramref name="path"/> and waits until its circuit is live, so clicks reach their handlers.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForSelectorAsync("main[data-interactive=true]");
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
