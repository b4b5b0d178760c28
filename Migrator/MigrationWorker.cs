using System.Diagnostics;
using AspireMigration.Shared.Database;
using AspireMigration.Shared.Demo;
using AspireMigration.Shared.Telemetry;
using Microsoft.Extensions.Options;

namespace AspireMigration.Migrator;

/// <summary>
/// Everything done once per database, before any service touches it: the demo seed (which creates
/// the target tables of a demo database), then the tool schema's migrations. One span, so the
/// Aspire dashboard shows the migration, its SQL and its outcome ahead of the services' traces.
/// </summary>
public sealed class MigrationWorker(
    DemoSeeder seeder,
    ToolSchemaMigrator migrator,
    IOptions<DemoSeedSettings> demo,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource ActivitySource = new(TelemetryNames.AspireMigration);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity("migrate tool schema");
        try
        {
            if (demo.Value.Seed)
            {
                await seeder.SeedAsync(new DemoSeedOptions(demo.Value.ScaleOrphans, demo.Value.Force), stoppingToken);
            }
            var applied = await migrator.MigrateAsync(stoppingToken);
            activity?.SetTag("schema.version", ToolSchemaMigrator.ExpectedVersion).SetTag("schema.migrations_applied", applied.Count);
            logger.LogInformation("The tool schema is at {Version} ({Applied} migration(s) applied now)",
                ToolSchemaMigrator.ExpectedVersion, applied.Count);
        }
        // The process boundary: whatever failed, the exit code and one log line must say so, or the
        // services would wait on a migrator whose failure nobody can read.
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            activity?.AddException(e).SetStatus(ActivityStatusCode.Error, e.Message);
            logger.LogCritical(e, "The database could not be prepared for this build: {Reason}. The services wait for the migrator "
                + "to succeed; fix the cause and start the migrator again.", e.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
