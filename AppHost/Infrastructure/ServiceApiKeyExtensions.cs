using System.Text.Json;
using AspireMigration.Shared.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMigration.AppHost.Infrastructure;

public static class ServiceApiKeyExtensions
{
    /// <summary>A key per client, generated once and kept in user secrets; either can be replaced by setting its parameter.</summary>
    public static ServiceApiKeys AddServiceApiKeys(this IDistributedApplicationBuilder builder) => new(
        builder.AddParameter(
            "dashboard-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true),
        builder.AddParameter("cli-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true));

    /// <summary>
    /// The clients a service API accepts: the Dashboard acting for its signed-in users, and the local
    /// command line as one fixed identity holding both action roles, so one operator at a terminal can
    /// take a plan from analysis to rollback (Executor:FourEyes then needs a second person in the Dashboard).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceApiClients(
        this IResourceBuilder<ProjectResource> service, ServiceApiKeys keys)
    {
        const string dashboard = $"ServiceApi__Clients__{ServiceApiKeys.DashboardClient}__";
        const string cli = $"ServiceApi__Clients__{ServiceApiKeys.CliClient}__";
        return service
            .WithEnvironment(dashboard + "Keys__0", keys.Dashboard)
            .WithEnvironment(dashboard + "OnBehalfOf", "true")
            .WithEnvironment(cli + "Keys__0", keys.Cli)
            .WithEnvironment(cli + "Name", ServiceApiKeys.CliIdentity)
            .WithEnvironment(cli + "Roles__0", Roles.Approver)
            .WithEnvironment(cli + "Roles__1", Roles.Operator);
    }

    /// <summary>The key the Dashboard presents to the service APIs.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceApiKey(
        this IResourceBuilder<ProjectResource> dashboard, ServiceApiKeys keys) =>
        dashboard.WithEnvironment("ServiceApi__Key", keys.Dashboard);

    /// <summary>
    /// Writes the command line's config file for this stack (service URLs and the CLI's key, readable by
    /// the owner only) into the checkout's data directory once the services' endpoints are allocated,
    /// and logs where it is, so `aspire-migration` works against the local stack without copying keys.
    /// </summary>
    public static void WriteCliConfig(this IDistributedApplicationBuilder builder, ServiceApiKeys keys,
        IResourceBuilder<ProjectResource> analyzer, IResourceBuilder<ProjectResource> executor)
    {
        var path = Path.Combine(
            LocalDataDirectory.Resolve(builder.Configuration["Infrastructure:DataDirectory"], builder.AppHostDirectory),
            CliConnection.FileName);
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>(async (@event, cancellationToken) =>
        {
            // A host that runs without the services (the test fixtures' infrastructure-only mode) has nothing for the CLI to reach.
            if (!@event.Model.Resources.Contains(analyzer.Resource) || !@event.Model.Resources.Contains(executor.Resource))
            {
                return;
            }
            var connection = new CliConnection(analyzer.GetEndpoint("http").Url, executor.GetEndpoint("http").Url,
                await keys.Cli.Resource.GetValueAsync(cancellationToken));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await using (var file = OpenOwnerOnly(path))
            {
                await JsonSerializer.SerializeAsync(file, connection, JsonSerializerOptions.Web, cancellationToken);
            }
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceApiKeyExtensions))
                .LogInformation("Command line config for this stack: {Path} (export ASPIRE_MIGRATION_CONFIG={Path})", path, path);
        });
    }

    /// <summary>
    /// Opens the file for writing, readable by its owner only before a byte of the key is in it (also when an earlier start left it).
    /// </summary>
    private static FileStream OpenOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            options.UnixCreateMode = ownerOnly;
            if (File.Exists(path))
            {
                File.SetUnixFileMode(path, ownerOnly);
            }
        }
        return new FileStream(path, options);
    }
}
