using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMigration.AppHost.Infrastructure;
using AspireMigration.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace AspireMigration.UnitTests.AppHost;

/// <summary>The application model each mode produces, built but never started.</summary>
public sealed class InfrastructureModelTests
{
    [Fact]
    public async Task Container_mode_uses_the_standard_container_integrations()
    {
        var model = await BuildModelAsync("--Infrastructure:Mode=Container");

        var postgres = Assert.IsType<Aspire.Hosting.ApplicationModel.PostgresServerResource>(model.Single(r => r.Name == "postgres"));
        Assert.True(postgres.TryGetContainerImageName(out var postgresImage));
        Assert.Contains("postgres", postgresImage);
        Assert.IsType<PostgresDatabaseResource>(model.Single(r => r.Name == "appdb"));
        var rabbit = Assert.IsType<RabbitMQServerResource>(model.Single(r => r.Name == "messaging"));
        Assert.True(rabbit.TryGetContainerImageName(out var rabbitImage));
        Assert.Contains("rabbitmq", rabbitImage);
        Assert.DoesNotContain(model, r => r is LocalPostgresServerResource or LocalRabbitMQServerResource);
    }

    [Fact]
    public async Task Executable_mode_runs_debian_servers_as_local_processes()
    {
        var model = await BuildModelAsync("--Infrastructure:Mode=Executable", "--Infrastructure:DataDirectory=/tmp/am-model");

        var postgres = Assert.IsType<LocalPostgresServerResource>(model.Single(r => r.Name == "postgres"));
        Assert.Equal("/tmp/am-model/postgres", postgres.WorkingDirectory);
        Assert.Equal(Environment.IsPrivilegedProcess ? "setpriv" : "/usr/lib/postgresql/15/bin/postgres", postgres.Command);
        var database = Assert.IsType<LocalPostgresDatabaseResource>(model.Single(r => r.Name == "appdb"));
        Assert.Same(postgres, database.Parent);
        Assert.IsType<LocalRabbitMQServerResource>(model.Single(r => r.Name == "messaging"));
        Assert.DoesNotContain(model, r => r is ContainerResource);
    }

    [Fact]
    public async Task Configured_connection_strings_replace_the_servers()
    {
        var model = await BuildModelAsync(
            "--Infrastructure:Mode=Executable",
            "--ConnectionStrings:appdb=Host=db.example;Database=prod;Username=backfill",
            "--ConnectionStrings:messaging=amqp://user:pw@mq.example:5672");

        Assert.DoesNotContain(model, r => r is LocalPostgresServerResource or LocalRabbitMQServerResource or ContainerResource);
        var analyzer = model.OfType<ProjectResource>().Single(r => r.Name == "analyzer");
        Assert.DoesNotContain(analyzer.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name is "appdb" or "messaging");
    }

    [Theory]
    [InlineData("analyzer")]
    [InlineData("executor")]
    [InlineData("dashboard")]
    public async Task Every_service_waits_for_the_database_and_the_broker(string service)
    {
        var model = await BuildModelAsync("--Infrastructure:Mode=Executable");

        var project = model.OfType<ProjectResource>().Single(r => r.Name == service);
        var waitsFor = project.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();
        Assert.Contains("appdb", waitsFor);
        Assert.Contains("messaging", waitsFor);
    }

    [Theory]
    [InlineData("Executable")]
    [InlineData("Container")]
    public async Task Every_service_waits_for_the_migrator_to_complete_and_the_migrator_only_for_the_database(string mode)
    {
        var model = await BuildModelAsync($"--Infrastructure:Mode={mode}", "--Infrastructure:DataDirectory=/tmp/am-model");

        var migrator = model.OfType<ProjectResource>().Single(r => r.Name == InfrastructureFixture.Migrator);
        var migratorWaitsFor = migrator.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList();
        Assert.Contains("appdb", migratorWaitsFor);
        Assert.DoesNotContain("messaging", migratorWaitsFor);
        Assert.All(new[] { "analyzer", "executor", "dashboard" }, service =>
        {
            var waits = model.OfType<ProjectResource>().Single(r => r.Name == service).Annotations.OfType<WaitAnnotation>();
            var onMigrator = Assert.Single(waits, w => w.Resource == migrator);
            Assert.Equal((WaitType.WaitForCompletion, 0), (onMigrator.WaitType, onMigrator.ExitCode));
        });
    }

    [Fact]
    public async Task The_migrator_seeds_only_a_database_the_apphost_runs()
    {
        var owned = await MigratorEnvironmentAsync("--Infrastructure:Mode=Executable", "--Demo:ScaleOrphans=25");
        var external = await MigratorEnvironmentAsync(
            "--Infrastructure:Mode=Executable", "--ConnectionStrings:appdb=Host=db.example;Database=prod");

        Assert.Equal(("true", "25", "false"), (owned["Demo__Seed"], owned["Demo__ScaleOrphans"], owned["Demo__Force"]));
        Assert.DoesNotContain(external.Keys, key => key.StartsWith("Demo__", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings__appdb", external.Keys);
    }

    /// <summary>The migrator's environment as the manifest writes it: connection strings stay expressions, nothing is started.</summary>
    private static async Task<Dictionary<string, string>> MigratorEnvironmentAsync(params string[] args)
    {
        var migrator = (await BuildModelAsync(args)).OfType<ProjectResource>().Single(r => r.Name == InfrastructureFixture.Migrator);
        var configuration = await ExecutionConfigurationBuilder.Create(migrator).WithEnvironmentVariablesConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), NullLogger.Instance);
        return configuration.EnvironmentVariables.ToDictionary(e => e.Key, e => e.Value);
    }

    private static async Task<IReadOnlyList<IResource>> BuildModelAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args);
        return builder.Resources.ToList();
    }
}
