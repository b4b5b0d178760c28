using AspireMigration.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AspireMigration.Dashboard.Tests;

/// <summary>
/// Every page at a desktop, a laptop and a phone width: screenshots into the test results for a person to look
/// at, axe with no serious or critical violation, no raw JSON, ids that tell runs and sessions apart, and the
/// item dialog and run page used with the keyboard.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardJourneyTests(DashboardFixture fixture)
{
    private const string ManualReviewSession = "5e550000-0000-0000-0000-000000000010";

    private static readonly (int Width, int Height)[] Widths = [(1440, 900), (1024, 768), (390, 844)];

    /// <summary>The README's screenshots (docs/images), taken from this journey's own: UPDATE_SCREENSHOTS=1 refreshes them.</summary>
    private static readonly (string Shot, string Image)[] ReadmeImages =
        [("overview-1024", "dashboard-overview"), ("run-1024", "dashboard-run"), ("runs-390", "dashboard-runs-phone")];

    [Fact]
    public async Task Every_page_reads_well_and_passes_axe_at_a_desktop_a_laptop_and_a_phone_width()
    {
        // An approver analyses and approves; an operator dry-runs the plan, which changes nothing in the database. The plan and
        // the run are the same at any width, so they are made once and each page is looked at in all three widths.
        var approver = await fixture.SignInAsync("approver");
        await DashboardFixture.OpenAsync(approver, "/plans");
        await approver.ClickAsync("[data-testid=analyze]");
        await approver.WaitForSelectorAsync("[data-testid=plan-summary]", new() { Timeout = 60_000 });
        var planUrl = approver.Url;
        await AtEveryWidthAsync(approver.Context, async (view, width) =>
        {
            await DashboardFixture.OpenAsync(view, planUrl);
            await CheckAsync(view, $"plan-{width}");

            // The item dialog, by keyboard only: focus moves into it, Escape closes it and focus is no longer behind it.
            await view.FocusAsync($"[data-testid=open-{ManualReviewSession}]");
            await view.Keyboard.PressAsync("Enter");
            await view.WaitForSelectorAsync("[data-testid=item-drawer]");
            await Assertions.Expect(view.Locator("[data-testid=distribution]")).ToContainTextAsync("frontend-app");
            await WaitUntilAsync(() => view.EvaluateAsync<bool>(
                "() => !!document.activeElement && !!document.activeElement.closest('[data-testid=item-dialog]')"));
            await CheckAsync(view, $"item-dialog-{width}");
            await view.Keyboard.PressAsync("Escape");
            await Assertions.Expect(view.Locator("[data-testid=item-drawer]")).ToHaveCountAsync(0);
        });

        await approver.ClickAsync("[data-testid=acknowledge-risks]");
        await approver.ClickAsync("[data-testid=approve]:not([disabled])");
        await Assertions.Expect(approver.Locator("[data-testid=approval]")).ToContainTextAsync("Approved by approver");
        await approver.Context.CloseAsync();

        var page = await fixture.SignInAsync("operator");
        await DashboardFixture.OpenAsync(page, planUrl);
        await page.ClickAsync("[data-testid=start-run]");
        await Assertions.Expect(page.Locator("[data-testid=run-state]")).ToHaveTextAsync("Completed", new() { Timeout = 120_000 });
        var runUrl = page.Url;
        var runId = runUrl[(runUrl.LastIndexOf('/') + 1)..];
        await AtEveryWidthAsync(page.Context, async (view, width) =>
        {
            await DashboardFixture.OpenAsync(view, runUrl);
            // A dry run says what it would do, counts its batches, offers nothing to undo and shows its real duration.
            await Assertions.Expect(view.Locator("[data-testid=run-batches]")).ToHaveTextAsync("1 / 1");
            await Assertions.Expect(view.Locator("[data-testid=run-progress]")).ToContainTextAsync("Would migrate");
            await Assertions.Expect(view.Locator("[data-testid=run-percent]")).ToHaveTextAsync("100%");
            await Assertions.Expect(view.Locator("[data-testid=no-actions]")).ToContainTextAsync("dry run");
            Assert.Equal(0, await view.Locator(
                "[data-testid=rollback], [data-testid=cancel], [data-testid=pause], [data-testid=retry]").CountAsync());
            Assert.DoesNotContain("0/min", await view.InnerTextAsync("[data-testid=run-throughput]"));
            Assert.Equal(0, await view.Locator("[data-testid=load-error]").CountAsync());
            await Assertions.Expect(view.Locator("[data-testid=timeline]")).ToContainTextAsync("Start requested");
            await Assertions.Expect(view.Locator("[data-testid=batch-chart]")).ToHaveCountAsync(1);
            // The heading shows the whole id, with a copy button.
            await Assertions.Expect(view.Locator("h1")).ToContainTextAsync(runId);
            await CheckAsync(view, $"run-{width}");

            foreach (var (path, name) in new[]
            {
                ("/", "overview"), ("/plans", "plans"), ("/runs", "runs"), ("/runs?status=finished", "runs-finished"), ("/status", "health")
            })
            {
                await DashboardFixture.OpenAsync(view, path);
                await CheckAsync(view, $"{name}-{width}");
            }
        });

        // Runs made seconds apart share their UUIDv7 prefix; the list shows their tails, which differ.
        await DashboardFixture.OpenAsync(page, "/runs");
        // The list fills once the page is interactive: wait for this run's row before reading the others.
        await Assertions.Expect(page.Locator("[data-testid=runs-table] .id-text a", new() { HasText = runId[^12..] })).ToBeVisibleAsync();
        var shown = await page.Locator("[data-testid=runs-table] tbody tr td:first-child .id-text a").AllInnerTextsAsync();
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Contains(shown, text => runId.EndsWith(text.TrimStart('…'), StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=tab-finished]")).ToContainTextAsync("Finished");
        await page.Context.CloseAsync();

        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            foreach (var (shot, image) in ReadmeImages)
            {
                File.Copy(Path.Combine(DashboardFixture.ScreenshotDirectory, $"{shot}.png"),
                    Path.Combine(Repository.Root, "docs", "images", $"{image}.png"), overwrite: true);
            }
        }
    }

    /// <summary>Runs <paramref name="check"/> on a page of its own at each width, side by side: most of a check is waiting.</summary>
    private static Task AtEveryWidthAsync(IBrowserContext context, Func<IPage, int, Task> check) =>
        Task.WhenAll(Widths.Select(async size =>
        {
            var page = await context.NewPageAsync();
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await check(page, size.Width);
            await page.CloseAsync();
        }));

    /// <summary>A full-page screenshot, then axe and the checks every page must pass at any width.</summary>
    private static async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // A page's data comes over its circuit, which network idleness does not see: each page shows a progress ring until
        // it has loaded, and on a loaded machine a check could otherwise screenshot and audit that ring.
        await page.WaitForFunctionAsync("() => !document.querySelector('main fluent-progress-ring')");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(DashboardFixture.ScreenshotDirectory, $"{name}.png"), FullPage = true
        });

        var text = await page.InnerTextAsync("main");
        Assert.DoesNotContain("{\"", text);
        // Nothing wider than the window: a horizontal scrollbar on the page itself means something overflows.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"),
            $"{name} overflows the window horizontally");

        // Fluent's controls are web components that name their inner fields once the browser has upgraded them.
        await page.WaitForFunctionAsync("() => document.querySelectorAll(':not(:defined)').length === 0");
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"{name}: " + string.Join(Environment.NewLine, serious));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 50 && !await condition(); attempt++)
        {
            await Task.Delay(100);
        }
        Assert.True(await condition(), "The condition did not become true within 5 s.");
    }
}
