using AspireMigration.Executor.Pacing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AspireMigration.UnitTests.Executor;

/// <summary>The "Executor:Health" settings as the Executor binds them: a threshold set, one switched off, the rest defaults.</summary>
public sealed class HealthThresholdsTests
{
    [Fact]
    public void A_setting_overrides_its_default_and_an_empty_one_switches_the_indicator_off()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Executor:Health:ReplicationLagSeconds"] = "2.5",
            ["Executor:Health:VacuumsOnSessions"] = "",
        });
        builder.AddDatabaseHealthProbe();

        var thresholds = builder.Build().Services.GetRequiredService<IOptions<HealthThresholds>>().Value;

        var defaults = new HealthThresholds();
        Assert.Equal((2.5, null, defaults.ConnectionsPercent), (thresholds.ReplicationLagSeconds, thresholds.VacuumsOnSessions,
            thresholds.ConnectionsPercent));
        Assert.NotNull(defaults.VacuumsOnSessions);
    }
}
