using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using AspireMigration.AppHost.Infrastructure;

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

    private static async Task<IReadOnlyList<IResource>> BuildModelAsync(params string[] args)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(args);
        return builder.Resources.ToList();
    }
}
