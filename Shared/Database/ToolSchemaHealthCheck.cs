using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace AspireMigration.Shared.Database;

/// <summary>
/// Whether the tool schema is at the version this build expects. Services never migrate it (the
/// Migrator does, once, before they start), so an out-of-date schema is the operator's to fix: the
/// service stays up and says what is missing on /health rather than failing on its first query.
/// </summary>
internal sealed class ToolSchemaHealthCheck(ToolSchemaMigrator migrator) : IHealthCheck
{
    public const string Name = "tool-schema";

    // A schema never goes back a version, so once it is current the probes stop asking the database.
    private volatile bool current;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (current)
        {
            return Current();
        }
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            if (pending.Count == 0)
            {
                current = true;
                return Current();
            }
            return HealthCheckResult.Unhealthy(
                $"The tool schema lacks {pending.Count} migration(s) this build expects ({string.Join(", ", pending)}): "
                + "run the migrator (the AppHost's `migrator` resource, or `dotnet run --project Migrator`).");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy($"The tool schema version could not be read: {e.Message}");
        }
    }

    private static HealthCheckResult Current() => HealthCheckResult.Healthy($"The tool schema is at {ToolSchemaMigrator.ExpectedVersion}.");
}
