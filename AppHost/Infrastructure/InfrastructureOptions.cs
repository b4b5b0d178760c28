namespace AspireMigration.AppHost.Infrastructure;

/// <summary>The "Infrastructure" configuration section of the AppHost.</summary>
public sealed class InfrastructureOptions
{
    public InfrastructureMode Mode { get; set; } = InfrastructureMode.Auto;

    /// <summary>Where the local PostgreSQL and RabbitMQ keep their data; a per-checkout default when empty.</summary>
    public string? DataDirectory { get; set; }

    public string PostgresBinDirectory { get; set; } = "/usr/lib/postgresql/15/bin";

    /// <summary>The broker's own start script, not Debian's wrapper, which would switch to the rabbitmq user.</summary>
    public string RabbitMQServer { get; set; } = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>PostgreSQL refuses to run as root, so as root the server runs as this account.</summary>
    public string ServiceAccount { get; set; } = "postgres";
}
