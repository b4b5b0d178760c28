using AspireMigration.Shared.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.AppHost.Infrastructure;

public static class DemoDataExtensions
{
    /// <summary>
    /// Seeds the demo dataset once the database is ready; dependents wait for the seed because
    /// WaitFor waits for the ready event's handlers.
    /// </summary>
    public static IResourceBuilder<T> WithDemoData<T>(this IResourceBuilder<T> database) where T : IResourceWithConnectionString
    {
        var section = database.ApplicationBuilder.Configuration.GetSection("Demo");
        if (!section.GetValue("Seed", true))
        {
            return database;
        }
        var options = new DemoSeedOptions(section.GetValue("ScaleOrphans", 0), section.GetValue("Force", false));
        options.Validate();

        return database.OnResourceReady(async (resource, evt, cancellationToken) =>
        {
            var connectionString = await resource.GetConnectionStringAsync(cancellationToken);
            await using var dataSource = NpgsqlDataSource.Create(connectionString!);
            var logger = evt.Services.GetRequiredService<ILoggerFactory>().CreateLogger<DemoSeeder>();
            await new DemoSeeder(dataSource, logger).SeedAsync(options, cancellationToken);
        });
    }
}
