using Aspire.Hosting.Testing;
using AspireMigration.TestSupport;
using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

/// <summary>The running stack plus Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class DashboardFixture : FullStackFixture
{
    public const string DemoPassword = "demo-only-Pa55";

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

    /// <summary>A fresh browser context signed in as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = DashboardUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=current-user]");
        return page;
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
