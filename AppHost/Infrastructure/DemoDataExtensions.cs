using System.Globalization;
using AspireMigration.Shared.Demo;
using Microsoft.Extensions.Configuration;

namespace AspireMigration.AppHost.Infrastructure;

public static class DemoDataExtensions
{
    private const string Section = "Demo";

    /// <summary>
    /// Has the migrator seed the demo dataset (Demo:Seed, Demo:ScaleOrphans, Demo:Force) into a
    /// database the AppHost runs itself, before it migrates the tool schema; a user's own database
    /// is never seeded. The settings are checked here, so a wrong one stops the AppHost at once.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoData(
        this IResourceBuilder<ProjectResource> migrator, MigrationInfrastructure infrastructure)
    {
        var section = migrator.ApplicationBuilder.Configuration.GetSection(Section);
        if (!infrastructure.IsOwned(infrastructure.Database) || !section.GetValue("Seed", true))
        {
            return migrator;
        }
        var options = new DemoSeedOptions(section.GetValue("ScaleOrphans", 0), section.GetValue("Force", false));
        options.Validate();

        return migrator
            .WithEnvironment($"{Section}__Seed", "true")
            .WithEnvironment($"{Section}__ScaleOrphans", options.ScaleOrphans.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment($"{Section}__Force", options.Force ? "true" : "false");
    }
}
