namespace AspireMigration.AppHost.Infrastructure;

/// <summary>The database and broker the services use, whichever way they are provided.</summary>
public sealed record MigrationInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    InfrastructureMode Mode)
{
    /// <summary>Whether the AppHost runs the resource itself and can wait for it to be healthy.</summary>
    public bool IsOwned(IResourceBuilder<IResourceWithConnectionString> resource) =>
        !resource.Resource.Annotations.OfType<ExternalResourceAnnotation>().Any();
}
