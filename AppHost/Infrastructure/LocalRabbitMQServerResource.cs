namespace AspireMigration.AppHost.Infrastructure;

/// <summary>Debian's RabbitMQ broker run as a local process with its own node name and directories.</summary>
public sealed class LocalRabbitMQServerResource(string name, string command, string dataRoot, ParameterResource password)
    : ExecutableResource(name, command, dataRoot), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string UserName = "aspire";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    public string ConfigFile => Path.Combine(WorkingDirectory, "rabbitmq.conf");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
