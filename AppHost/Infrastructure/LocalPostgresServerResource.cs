namespace AspireMigration.AppHost.Infrastructure;

/// <summary>Debian's PostgreSQL server run as a local process with its own data directory.</summary>
public sealed class LocalPostgresServerResource(string name, CommandLine command, string dataRoot, ParameterResource password)
    : ExecutableResource(name, command.FileName, dataRoot), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";
    internal const string SuperUser = "postgres";

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Holds the cluster (initdb output); its parent also holds the socket directory.</summary>
    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    public string SocketDirectory => Path.Combine(WorkingDirectory, "run");

    /// <summary>Databases to create, keyed by resource name.</summary>
    public Dictionary<string, string> Databases { get; } = new(StringComparer.Ordinal);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};" +
        $"Username={SuperUser};Password={PasswordParameter}");
}
