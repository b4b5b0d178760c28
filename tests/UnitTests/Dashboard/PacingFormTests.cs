using System.Net;
using AspireMigration.Dashboard.Clients;
using AspireMigration.Dashboard.Components.Runs;
using AspireMigration.Shared.Contracts.Runs;
using Bunit;

namespace AspireMigration.UnitTests.Dashboard;

public sealed class PacingFormTests : FluentComponentContext
{
    [Fact]
    public void The_apis_errors_show_beside_their_fields_and_one_without_a_field_above_them()
    {
        var input = new PacingInput { Adaptive = true };
        input.Windows.Add(new WindowInput { TimeZone = "Mars/Olympus" });
        var errors = new Dictionary<string, string[]>
        {
            ["pacing.maxBatch"] = ["The largest batch (50) must not be less than the smallest (100)."],
            ["pacing.windows[0].timeZone"] = ["'Mars/Olympus' is not a known IANA time zone (e.g. Europe/Paris)."],
            ["pacing"] = ["pacing is required."],
        };

        var cut = Render<PacingForm>(p => p.Add(c => c.Input, input).Add(c => c.Errors, errors));

        Assert.Equal("The largest batch (50) must not be less than the smallest (100).",
            cut.Find("[data-testid='error-pacing.maxBatch']").TextContent);
        // In the window's own row, beside its time zone.
        var zone = cut.Find("[data-testid=pacing-window-0] [data-testid='error-pacing.windows[0].timeZone']");
        Assert.Contains("Mars/Olympus", zone.TextContent);
        Assert.Equal("pacing is required.", cut.Find("[data-testid=pacing-errors]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid='error-pacing.minBatch']"));
    }

    [Fact]
    public void Adaptive_settings_show_only_for_adaptive_batches()
    {
        var cut = Render<PacingForm>(p => p.Add(c => c.Input, new PacingInput()));

        Assert.Empty(cut.FindAll("[data-testid=pacing-target-ms]"));

        cut.Render(p => p.Add(c => c.Input, new PacingInput { Adaptive = true }));

        Assert.NotNull(cut.Find("[data-testid=pacing-target-ms]"));
        Assert.NotNull(cut.Find("[data-testid=pacing-max]"));
    }

    [Fact]
    public void Windows_are_added_and_removed_row_by_row()
    {
        var input = new PacingInput();
        var cut = Render<PacingForm>(p => p.Add(c => c.Input, input));

        cut.Find("[data-testid=pacing-add-window]").Click();
        cut.Find("[data-testid=pacing-add-window]").Click();

        Assert.Equal(2, input.Windows.Count);
        Assert.Single(cut.FindAll("[data-testid=pacing-window-1]"));
        cut.Find("[aria-label='Remove window 1']").Click();

        Assert.Single(input.Windows);
        Assert.Empty(cut.FindAll("[data-testid=pacing-window-1]"));
    }

    [Fact]
    public void A_prefilled_pacing_reads_back_the_same_and_unreadable_times_are_named_by_their_field()
    {
        var window = new MaintenanceWindow(["Mon", "Fri"], new TimeOnly(22, 30), new TimeOnly(4, 0), "Europe/Paris");
        var pacing = new RunPacing(true, 300, 20, 2000, 12.5, [window], new DateTimeOffset(2026, 2, 1, 1, 0, 0, TimeSpan.Zero));

        var input = PacingInput.From(pacing, 700);
        var read = input.ToPacing(out var errors);

        Assert.Empty(errors);
        Assert.Equal(pacing with { Windows = null }, read! with { Windows = null });
        Assert.Equal(window.Days, read.Windows!.Single().Days);
        Assert.Equal((window.From, window.To, window.TimeZone), (read.Windows![0].From, read.Windows[0].To, read.Windows[0].TimeZone));
        Assert.Equal(700, input.BatchSize);

        input.Windows[0].From = "25:00";
        input.StartAt = "tomorrow";

        Assert.Null(input.ToPacing(out errors));
        Assert.Equal(["pacing.startAt", "pacing.windows[0].from"], errors.Keys.Order());
    }

    [Fact]
    public async Task A_validation_problem_from_the_api_carries_its_errors_by_field()
    {
        const string body = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.",
             "status":400,"errors":{"pacing.windows[0].timeZone":["'Mars/Olympus' is not a known IANA time zone."]}}
            """;
        using var http = new HttpClient(new StandInService(_ => StandInService.Problem(HttpStatusCode.BadRequest, body)))
        {
            BaseAddress = new Uri("http://executor"),
        };

        var refused = await Assert.ThrowsAsync<ApiProblemException>(() => new ExecutorClient(http).ChangePacingAsync(
            Guid.NewGuid(), RunPacing.Fixed, 1000, new Actor("operator", "Operator"), CancellationToken.None));

        Assert.Equal("One or more validation errors occurred.", refused.Message);
        Assert.Equal(["'Mars/Olympus' is not a known IANA time zone."], refused.Errors["pacing.windows[0].timeZone"]);
    }
}
