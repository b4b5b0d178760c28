using AspireMigration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>A test's own seeded database with a running Executor on it and a client for its API.</summary>
public sealed class ExecutorTestContext : IAsyncDisposable
{
    private readonly ExecutorApp app;

    private ExecutorTestContext(Scenario scenario, InfrastructureFixture infrastructure, Action<IServiceCollection>? configureServices)
    {
        Scenario = scenario;
        app = new ExecutorApp(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey,
            configureServices: configureServices);
        Client = new RunClient(app.CreateClient());
    }

    public Scenario Scenario { get; }

    public RunClient Client { get; }

    /// <summary>Another client of the same host, its answers passed through <paramref name="handlers"/> (e.g. a contract check).</summary>
    public RunClient CreateClient(params DelegatingHandler[] handlers) => new(app.CreateDefaultClient(handlers));

    /// <summary>The host's services (it starts on first use).</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="configureServices">Replaces the host's services, e.g. its clock or health probe.</param>
    public static async Task<ExecutorTestContext> StartAsync(InfrastructureFixture infrastructure, string? serviceRole = null,
        Action<IServiceCollection>? configureServices = null) =>
        new(await Scenario.CreateAsync(infrastructure, serviceRole), infrastructure, configureServices);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await Scenario.DisposeAsync();
    }
}
