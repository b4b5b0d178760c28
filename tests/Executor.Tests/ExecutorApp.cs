using AspireMigration.Shared.Security;
using AspireMigration.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>
/// The real Executor (API, saga, consumers) on a test database and the shared broker. Its queues get
/// a prefix of their own, so hosts of different tests never take each other's messages.
/// </summary>
public sealed class ExecutorApp(string database, string messaging, string serviceApiKey, string? endpointPrefix = null,
    Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<ExecutorOptions>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:appdb", database);
        builder.UseSetting("ConnectionStrings:messaging", messaging);
        builder.UseSetting("Executor:EndpointPrefix", endpointPrefix ?? NewEndpointPrefix());
        builder.UseSetting("Executor:BackupRetention", "00:00:00");
        builder.UseSetting("ServiceApi:Key", serviceApiKey);
        // On for every test: plans are approved by "approver", runs started by "operator".
        builder.UseSetting("Executor:FourEyes", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>Clients call as the Dashboard does, on behalf of an operator named "operator".</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.ActAs(serviceApiKey, "operator", Roles.Operator);
    }

    public static string NewEndpointPrefix() => "test-" + Guid.NewGuid().ToString("N")[..8];
}
