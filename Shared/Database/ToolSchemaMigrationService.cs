using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AspireMigration.Shared.Database;

/// <summary>
/// Brings the tool schema up to date before the service accepts work. When the database cannot be
/// reached (wrong credentials, server down) the service starts anyway, says why on /health and in
/// its log, and retries with backoff: an exited process would leave the operator only a crash.
/// </summary>
internal sealed class ToolSchemaMigrationService(ToolSchemaMigrator migrator, ToolSchemaHealthCheck health, ILogger<ToolSchemaMigrationService> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await TryMigrateAsync(cancellationToken))
        {
            await base.StartAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        do
        {
            await Task.Delay(delay, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
        }
        while (!await TryMigrateAsync(stoppingToken));
    }

    private async Task<bool> TryMigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migrator.MigrateAsync(cancellationToken);
            health.Succeeded();
            return true;
        }
        catch (NpgsqlException e) when (!cancellationToken.IsCancellationRequested)
        {
            health.Failed(e.Message);
            logger.LogError(e, "The tool schema could not be migrated: {Reason}. Retrying; /health is unhealthy until it succeeds.", e.Message);
            return false;
        }
    }
}
