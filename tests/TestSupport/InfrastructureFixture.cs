using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMigration.AppHost.Infrastructure;
using AspireMigration.Shared.Database;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace AspireMigration.TestSupport;

/// <summary>
/// Real PostgreSQL and RabbitMQ for integration tests, started by the AppHost's own
/// infrastructure code (executable mode, fresh data directory) with its migrator (which seeds and
/// migrates the demo database) and without the three services.
/// Each test gets a database of its own through <see cref="CreateDatabaseAsync"/>.
/// </summary>
public class InfrastructureFixture : IAsyncLifetime
{
    private readonly string dataDirectory = Path.Combine("/tmp", "aspire-migration-tests", Guid.NewGuid().ToString("N")[..12]);
    private DistributedApplication? app;

    /// <summary>The AppHost's migrator: it runs and exits before any service starts.</summary>
    public const string Migrator = "migrator";

    /// <summary>Whether Analyzer, Executor and Dashboard run too, or only PostgreSQL, RabbitMQ and the migrator.</summary>
    protected virtual bool IncludeServices => false;

    /// <summary>Resources the fixture waits to be healthy before tests run.</summary>
    protected virtual IEnumerable<string> AwaitedResources => ["appdb", "messaging"];

    public DistributedApplication App => app ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The demo database the AppHost's migrator seeded (18 orphans) and migrated.</summary>
    public string DemoConnectionString { get; private set; } = "";

    public string ServerConnectionString { get; private set; } = "";

    public string MessagingConnectionString { get; private set; } = "";

    /// <summary>The Dashboard's key, which may name the acting user and role (the AppHost parameter "dashboard-api-key").</summary>
    public string ServiceApiKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The command line's key, a fixed identity with the Approver and Operator roles (the AppHost parameter
    /// "cli-api-key").</summary>
    public string CliApiKey { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The demo accounts' password (the AppHost parameter "dashboard-demo-password"), new for every fixture as it is for
    /// every checkout.</summary>
    public string DemoPassword { get; } = "Demo-" + Guid.NewGuid().ToString("N");

    /// <summary>Where the AppHost keeps this fixture's local data (and the command line's config file).</summary>
    public string DataDirectory => dataDirectory;

    /// <summary>The fixture's RabbitMQ node, for tests that put it under faults (stop/start it through <see cref="App"/>'s resource
    /// commands).</summary>
    public BrokerControl Broker =>
        new(App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<LocalRabbitMQServerResource>().Single());

    public virtual async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            "--Infrastructure:Mode=Executable",
            $"--Infrastructure:DataDirectory={dataDirectory}",
            $"--Parameters:dashboard-api-key={ServiceApiKey}",
            $"--Parameters:cli-api-key={CliApiKey}",
            $"--Parameters:dashboard-demo-password={DemoPassword}",
        ]);
        if (!IncludeServices)
        {
            foreach (var project in builder.Resources.OfType<ProjectResource>().Where(p => p.Name != Migrator).ToList())
            {
                builder.Resources.Remove(project);
            }
        }
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        app = await builder.BuildAsync();

        using var startup = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await app.StartAsync(startup.Token);
        var migrator = (await app.ResourceNotifications.WaitForResourceAsync(
            Migrator, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), startup.Token)).Snapshot;
        if (migrator.ExitCode != 0)
        {
            throw new InvalidOperationException($"The migrator ended {migrator.State?.Text}, exit code {migrator.ExitCode}: see its log.");
        }
        foreach (var resource in AwaitedResources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startup.Token);
        }

        DemoConnectionString = (await app.GetConnectionStringAsync("appdb", startup.Token))!;
        ServerConnectionString = (await app.GetConnectionStringAsync("postgres", startup.Token))!;
        MessagingConnectionString = (await app.GetConnectionStringAsync("messaging", startup.Token))!;
    }

    /// <summary>A new, empty database with the target schema of the product contract (no rows, no tool schema).</summary>
    public async Task<string> CreateDatabaseAsync(bool withTargetSchema = true)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        if (withTargetSchema)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand(
                SqlScripts.Read("TargetSchema.sql") + SqlScripts.Read("TargetIndexes.sql"), connection);
            await schema.ExecuteNonQueryAsync();
        }
        return connectionString;
    }

    public virtual async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing its files; /tmp is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
