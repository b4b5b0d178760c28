using AspireMigration.Shared.Database;

namespace Microsoft.Extensions.Hosting;

/// <summary>Brings the tool schema up to date before the service accepts work.</summary>
internal sealed class ToolSchemaMigrationService(ToolSchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
