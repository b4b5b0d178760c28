using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMigration.AppHost.Infrastructure;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class LocalPostgresBuilderExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, InfrastructureOptions options, string dataRoot)
    {
        var password = builder.AddParameter($"{name}-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        var account = new ServiceAccount(options.ServiceAccount);
        var workingDirectory = Path.Combine(dataRoot, name);
        var command = account.Wrap(Path.Combine(options.PostgresBinDirectory, "postgres"),
            "-D", Path.Combine(workingDirectory, "data"),
            "-k", Path.Combine(workingDirectory, "run"),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=200");
        var server = new LocalPostgresServerResource(name, command, workingDirectory, password.Resource);
        var preparer = new PostgresClusterPreparer(account, options.PostgresBinDirectory);

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new NpgsqlProbeHealthCheck(server), HealthStatus.Unhealthy, tags: null));

        return builder.AddResource(server)
            .WithArgs(command.Arguments.ToArray<object>())
            // PGPORT is the server's own default-port variable, so the orchestrator's port needs no flag.
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp", env: "PGPORT")
            .OnBeforeResourceStarted((resource, _, cancellationToken) => preparer.PrepareAsync(resource, cancellationToken))
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        databaseName ??= name;
        server.Resource.Databases[name] = databaseName;
        var database = new LocalPostgresDatabaseResource(name, databaseName, server.Resource);

        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new NpgsqlProbeHealthCheck(database), HealthStatus.Unhealthy, tags: null));

        return server.ApplicationBuilder.AddResource(database)
            .WithParentState("PostgresDatabase")
            .WithHealthCheck(healthCheckKey);
    }
}
