using AspireMigration.Shared.Contracts.Api.Runs;
using AspireMigration.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AspireMigration.Executor.Tests;

/// <summary>A test's own seeded database with a running Executor on it and a client for its API.</summary>
public sealed class ExecutorTestContext : IAsyncDisposable
{
    private readonly ExecutorApp app;

    private ExecutorTestContext(Scenario scenario, InfrastructureFixture infrastructure, Action<IServiceCollection>? configureServices,
        IReadOnlyDictionary<string, string>? settings)
    {
        Scenario = scenario;
        app = new ExecutorApp(scenario.ServiceConnectionString, infrastructure.MessagingConnectionString, infrastructure.ServiceApiKey,
            configureServices: configureServices, settings: settings);
        Client = new RunClient(app.CreateClient());
    }

    /// <summary>
    /// A failing message is tried once more instead of six times: for tests whose batch fails on every delivery, which would
    /// otherwise wait out about ten seconds of backoff before the run fails.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> RetryOnce = new Dictionary<string, string> { ["Executor:Retries"] = "1" };

    public Scenario Scenario { get; }

    public RunClient Client { get; }

    /// <summary>Another client of the same host, its answers passed through <paramref name="handlers"/> (e.g. a contract check).</summary>
    public RunClient CreateClient(params DelegatingHandler[] handlers) => new(app.CreateDefaultClient(handlers));

    /// <summary>The host's services (it starts on first use).</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="configureServices">Replaces the host's services, e.g. its clock or health probe.</param>
    /// <param name="settings">More configuration keys of the host (e.g. "Executor:Retries").</param>
    public static async Task<ExecutorTestContext> StartAsync(InfrastructureFixture infrastructure, string? serviceRole = null,
        Action<IServiceCollection>? configureServices = null, IReadOnlyDictionary<string, string>? settings = null) =>
        new(await Scenario.CreateAsync(infrastructure, serviceRole), infrastructure, configureServices, settings);

    /// <summary>A run of the seed plan in batches of 4 whose first batch the application refuses: failed, and retryable.</summary>
    public async Task<RunView> FailOnPoisonBatchAsync()
    {
        await Scenario.RefuseUpdatesAsync(2);
        var run = await Client.WaitAsync(await Client.StartAsync(await Scenario.InsertPlanAsync(), batchSize: 4));
        Assert.Equal(("Failed", true), (run.State, run.Retryable));
        return run;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await Scenario.DisposeAsync();
    }
}
