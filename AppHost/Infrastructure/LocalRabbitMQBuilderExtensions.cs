using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AspireMigration.AppHost.Infrastructure;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class LocalRabbitMQBuilderExtensions
{
    public static IResourceBuilder<LocalRabbitMQServerResource> AddLocalRabbitMQ(
        this IDistributedApplicationBuilder builder, string name, InfrastructureOptions options, string dataRoot)
    {
        var password = builder.AddGeneratedPassword(name);
        var workingDirectory = Path.Combine(dataRoot, name);
        var broker = new LocalRabbitMQServerResource(name, options.RabbitMQServer, workingDirectory, password.Resource);

        var healthCheckKey = builder.AddProbe(name, () => new RabbitMQProbeHealthCheck(broker));

        return builder.AddResource(broker)
            .WithEndpoint(name: LocalRabbitMQServerResource.EndpointName, scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["HOME"] = workingDirectory; // keeps the Erlang cookie private to this node
                env["RABBITMQ_NODENAME"] = broker.NodeName;
                env["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                // The default distribution port is AMQP + 20000, which overflows for high ports.
                env["RABBITMQ_DIST_PORT"] = FreePort.Find().ToString(System.Globalization.CultureInfo.InvariantCulture);
                env["RABBITMQ_CONFIG_FILE"] = broker.ConfigFile;
                env["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(workingDirectory, "enabled_plugins");
                env["RABBITMQ_MNESIA_BASE"] = Path.Combine(workingDirectory, "mnesia");
                env["RABBITMQ_LOG_BASE"] = Path.Combine(workingDirectory, "log");
                env["RABBITMQ_LOGS"] = "-";
                env["RABBITMQ_PID_FILE"] = Path.Combine(workingDirectory, "rabbitmq.pid");
                env["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(workingDirectory, "advanced.config");
                env["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(workingDirectory, "rabbitmq-env.conf");
                if (RabbitMQMinimalHome.Prepare(options.RabbitMQServer, workingDirectory) is { } scripts)
                {
                    env[RabbitMQMinimalHome.ScriptsDirectoryVariable] = scripts;
                }
            })
            .OnBeforeResourceStarted((resource, evt, cancellationToken) =>
            {
                var logger = evt.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalRabbitMQServerResource>();
                return new RabbitMQNodePreparer(logger).PrepareAsync(resource, cancellationToken);
            })
            .WithHealthCheck(healthCheckKey);
    }
}
