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
    /// Its sessions carry the service's name as their application_name (unless the connection string names one), so a
    /// DBA sees in pg_stat_activity which backend is whose, and the Executor's health probe tells its own lock waits
    /// from the application's.
    /// </summary>
    public static TBuilder AddApplicationDatabase<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddNpgsqlDataSource(ConnectionName, configureDataSourceBuilder: dataSource =>
            dataSource.ConnectionStringBuilder.ApplicationName ??= builder.Environment.ApplicationName);
        builder.Services.AddSingleton<ToolSchemaMigrator>();
        builder.Services.AddSingleton<ToolSchemaHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<ToolSchemaHealthCheck>(ToolSchemaHealthCheck.Name);
        return builder;
    }
}
