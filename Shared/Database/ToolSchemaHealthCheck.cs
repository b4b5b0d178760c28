using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMigration.Shared.Database;

/// <summary>Whether the tool schema is migrated, and if not, why: what an operator reads on /health when the database is out of reach.</summary>
internal sealed class ToolSchemaHealthCheck : IHealthCheck
{
    private volatile string? failure;
    private volatile bool migrated;

    public void Succeeded() => (migrated, failure) = (true, null);

    public void Failed(string reason) => failure = reason;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(migrated ? HealthCheckResult.Healthy("The tool schema is up to date.")
            : HealthCheckResult.Unhealthy(failure is null ? "The tool schema is not migrated yet."
                : $"The tool schema could not be migrated, retrying: {failure}"));
}
