using System.Security.Cryptography;
using System.Text;

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

    /// <summary>The Erlang node name; rabbitmqctl reaches the node by it (with HOME set to the working directory, for the
    /// cookie).</summary>
    /// <remarks>The node database is bound to the node name, so the name must stay the same for a data directory.</remarks>
    public string NodeName =>
        $"{Name}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WorkingDirectory)))[..8]}@localhost";

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@" +
        $"{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
