using Microsoft.Extensions.Configuration;

namespace AspireMigration.AppHost.Infrastructure;

public static class InfrastructureBuilderExtensions
{
    public const string DatabaseName = "appdb";
    public const string MessagingName = "messaging";

    /// <summary>
    /// PostgreSQL and RabbitMQ as containers when a container runtime answers, as local Debian
    /// executables when none does, or the user's own servers when a connection string is configured.
    /// </summary>
    public static MigrationInfrastructure AddMigrationInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Infrastructure").Get<InfrastructureOptions>() ?? new InfrastructureOptions();
        var mode = options.Mode == InfrastructureMode.Auto
            ? ContainerRuntimeProbe.IsAvailable(builder.Configuration["ASPIRE_CONTAINER_RUNTIME"]) ? InfrastructureMode.Container
                : InfrastructureMode.Executable
            : options.Mode;
        var dataRoot = LocalDataDirectory.Resolve(options.DataDirectory, builder.AppHostDirectory);

        if (mode == InfrastructureMode.Executable && OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "Local PostgreSQL and RabbitMQ executables are supported on Linux and macOS; " +
                "on Windows run a container runtime or set ConnectionStrings:appdb and ConnectionStrings:messaging.");
        }

        var database = IsConfigured(builder, DatabaseName)
            ? External(builder.AddConnectionString(DatabaseName))
            : mode == InfrastructureMode.Container
                ? AsConnectionString(builder, builder.AddPostgres("postgres").WithDataVolume().AddDatabase(DatabaseName))
                : AsConnectionString(builder, builder.AddLocalPostgres("postgres", options, dataRoot).AddDatabase(DatabaseName));

        var messaging = IsConfigured(builder, MessagingName)
            ? External(builder.AddConnectionString(MessagingName))
            : mode == InfrastructureMode.Container
                ? AsConnectionString(builder, builder.AddRabbitMQ(MessagingName).WithDataVolume())
                : AsConnectionString(builder, builder.AddLocalRabbitMQ(MessagingName, options, dataRoot));

        return new MigrationInfrastructure(database, messaging, mode);
    }

    /// <summary>References the database and broker, waiting for those the AppHost runs itself.</summary>
    public static IResourceBuilder<ProjectResource> WithInfrastructure(
        this IResourceBuilder<ProjectResource> project, MigrationInfrastructure infrastructure) =>
        project.WithDependency(infrastructure, infrastructure.Database).WithDependency(infrastructure, infrastructure.Messaging);

    /// <summary>References the database only, waiting for it when the AppHost runs it: for the migrator, which needs no broker.</summary>
    public static IResourceBuilder<ProjectResource> WithDatabase(
        this IResourceBuilder<ProjectResource> project, MigrationInfrastructure infrastructure) =>
        project.WithDependency(infrastructure, infrastructure.Database);

    private static IResourceBuilder<ProjectResource> WithDependency(this IResourceBuilder<ProjectResource> project,
        MigrationInfrastructure infrastructure, IResourceBuilder<IResourceWithConnectionString> dependency)
    {
        project.WithReference(dependency);
        return infrastructure.IsOwned(dependency) ? project.WaitFor(dependency) : project;
    }

    private static bool IsConfigured(IDistributedApplicationBuilder builder, string name) =>
        !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name));

    private static IResourceBuilder<IResourceWithConnectionString> External(IResourceBuilder<IResourceWithConnectionString> resource) =>
        resource.WithAnnotation(new ExternalResourceAnnotation());

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(
        IDistributedApplicationBuilder builder, IResourceBuilder<T> resource) where T : IResourceWithConnectionString =>
        builder.CreateResourceBuilder<IResourceWithConnectionString>(resource.Resource);
}
