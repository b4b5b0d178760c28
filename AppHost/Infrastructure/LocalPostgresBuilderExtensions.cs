namespace AspireMigration.AppHost.Infrastructure;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class LocalPostgresBuilderExtensions
{
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, InfrastructureOptions options, string dataRoot)
    {
        var password = builder.AddGeneratedPassword(name);
        var account = new ServiceAccount(options.ServiceAccount);
        var workingDirectory = Path.Combine(dataRoot, name);
        var command = account.Wrap(Path.Combine(options.PostgresBinDirectory, "postgres"),
            "-D", Path.Combine(workingDirectory, "data"),
            "-k", Path.Combine(workingDirectory, "run"),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "max_connections=200");
        var server = new LocalPostgresServerResource(name, command, workingDirectory, password.Resource);
        var preparer = new PostgresClusterPreparer(account, options.PostgresBinDirectory);

        var healthCheckKey = builder.AddProbe(name, () => new NpgsqlProbeHealthCheck(server));

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

        var healthCheckKey = server.ApplicationBuilder.AddProbe(name, () => new NpgsqlProbeHealthCheck(database));

        return server.ApplicationBuilder.AddResource(database)
            .WithParentState("PostgresDatabase")
            .WithHealthCheck(healthCheckKey);
    }
}
