namespace AspireMigration.AppHost.Infrastructure;

/// <summary>One key per caller of the service APIs: the Dashboard (on behalf of its users) and the command line.</summary>
public sealed record ServiceApiKeys(IResourceBuilder<ParameterResource> Dashboard, IResourceBuilder<ParameterResource> Cli)
{
    public const string DashboardClient = "dashboard";
    public const string CliClient = "cli";

    /// <summary>The identity the services record for the local stack's command line (createdBy, approvedBy, requestedBy).</summary>
    public const string CliIdentity = "cli";
}
