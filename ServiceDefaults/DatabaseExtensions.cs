using AspireMigration.Shared.Alerts;
using AspireMigration.Shared.Database;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    public const string ConnectionName = "appdb";

    /// <summary>
    /// The application database as a pooled NpgsqlDataSource, with Aspire's health check, traces
    /// and metrics, and the tool schema migrated before the service starts (or retried, with the
    /// reason on /health, while the database is out of reach).
    /// </summary>
    public static TBuilder AddApplicationDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName);
        builder.Services.AddSingleton<ToolSchemaMigrator>();
        builder.Services.AddSingleton<ToolSchemaHealthCheck>();
        builder.Services.AddHostedService<ToolSchemaMigrationService>();
        builder.Services.AddHealthChecks().AddCheck<ToolSchemaHealthCheck>("tool-schema");

        builder.Services.AddSingleton(builder.Configuration.GetSection("Alerts").Get<AlertThresholds>() ?? new AlertThresholds());
        builder.Services.AddSingleton<AlertEvaluator>();
        builder.Services.AddHealthChecks().AddCheck<AlertsHealthCheck>("alerts", HealthStatus.Degraded);
        return builder;
    }
}
