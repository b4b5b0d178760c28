using AspireMigration.Shared.Alerts;
using Microsoft.Extensions.Configuration;

namespace AspireMigration.UnitTests.Observability;

/// <summary>The "Alerts" settings as the services bind them: the names the README gives, and the product's defaults when unset.</summary>
public sealed class AlertThresholdsTests
{
    [Fact]
    public void Every_documented_setting_binds_from_configuration()
    {
        var thresholds = Bind(new Dictionary<string, string?>
        {
            ["Alerts:RunFailureRate"] = "0.25",
            ["Alerts:PlanUncertainShare"] = "0.5",
            ["Alerts:AnalysisSeconds"] = "12.5",
            ["Alerts:RollbackWindow"] = "2.00:00:00",
            ["Alerts:RunStalledAfter"] = "00:10:00",
            ["Alerts:RunThrottledAfter"] = "01:00:00",
        });

        Assert.Equal(0.25m, thresholds.RunFailureRate);
        Assert.Equal(0.5m, thresholds.PlanUncertainShare);
        Assert.Equal(12.5, thresholds.AnalysisSeconds);
        Assert.Equal(TimeSpan.FromDays(2), thresholds.RollbackWindow);
        Assert.Equal(TimeSpan.FromMinutes(10), thresholds.RunStalledAfter);
        Assert.Equal(TimeSpan.FromHours(1), thresholds.RunThrottledAfter);
    }

    [Fact]
    public void An_unset_setting_keeps_the_product_default()
    {
        var thresholds = Bind(new Dictionary<string, string?> { ["Alerts:AnalysisSeconds"] = "1" });

        Assert.Equal((0.10m, 0.30m, 1d, TimeSpan.FromHours(24), TimeSpan.FromMinutes(5)),
            (thresholds.RunFailureRate, thresholds.PlanUncertainShare, thresholds.AnalysisSeconds, thresholds.RollbackWindow,
                thresholds.RunStalledAfter));
    }

    [Fact]
    public void A_malformed_value_is_refused_rather_than_read_as_zero()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Bind(new Dictionary<string, string?> { ["Alerts:RunFailureRate"] = "ten percent" }));

        Assert.Contains("RunFailureRate", error.Message, StringComparison.Ordinal);
    }

    // As ServiceDefaults' AddApplicationDatabase binds them.
    private static AlertThresholds Bind(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Alerts").Get<AlertThresholds>()
        ?? new AlertThresholds();
}
