using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Database;

public static class ApplicationDatabaseExtensions
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
        return builder;
    }
}
