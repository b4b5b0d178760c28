namespace AspireMigration.AppHost.Infrastructure;

public static class ServiceApiKeyExtensions
{
    /// <summary>The key the Dashboard presents to the service APIs, generated once and kept in user secrets.</summary>
    public static IResourceBuilder<ParameterResource> AddServiceApiKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter("service-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);

    public static IResourceBuilder<ProjectResource> WithServiceApiKey(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> key) =>
        project.WithEnvironment("ServiceApi__Key", key);
}
