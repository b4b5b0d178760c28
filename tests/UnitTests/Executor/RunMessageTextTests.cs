using AspireMigration.Shared.Contracts.Runs;

namespace AspireMigration.UnitTests.Executor;

public sealed class RunMessageTextTests
{
    [Fact]
    public void A_passed_pre_flight_prints_its_warnings_by_their_text()
    {
        var runId = Guid.Parse("01a22ed6-2f34-7894-8b0c-363504513bad");

        string[] warnings = ["Target project legacy-portal is archived", "Target project x is paused"];

        var text = new PreFlightPassed(runId, 15, 3, 4, warnings).ToString();

        Assert.Equal("PreFlightPassed { RunId = 01a22ed6-2f34-7894-8b0c-363504513bad, Included = 15, Skipped = 3, TotalBatches = 4, " +
            "Warnings = [Target project legacy-portal is archived; Target project x is paused] }", text);
    }
}
