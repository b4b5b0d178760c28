namespace AspireMigration.AppHost.Infrastructure;

public static class AspireDashboardLinkExtensions
{
    /// <summary>Tells the approval console where the Aspire dashboard is, so a run links to its traces.</summary>
    public static IResourceBuilder<ProjectResource> WithAspireDashboardLink(this IResourceBuilder<ProjectResource> dashboard)
    {
        var url = dashboard.ApplicationBuilder.Configuration["ASPNETCORE_URLS"]?.Split(';').FirstOrDefault();
        return string.IsNullOrEmpty(url) ? dashboard : dashboard.WithEnvironment("Dashboard__AspireDashboardUrl", url);
    }
}
