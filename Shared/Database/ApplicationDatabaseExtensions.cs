using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Database;

public static class ApplicationDatabaseExtensions
{
    public const string ConnectionName = "appdb";

    /// <summary>
    /// The application database as a pooled NpgsqlDataSource, with Aspire's health check, traces
    /// and metrics, and a check that the Migrator has brought the tool schema to this build's version.
    /// </summary>
    public static TBuilder AddApplicationDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName);
        builder.Services.AddSingleton<ToolSchemaMigrator>();
        builder.Services.AddSingleton<ToolSchemaHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<ToolSchemaHealthCheck>(ToolSchemaHealthCheck.Name);
        return builder;
    }
}
