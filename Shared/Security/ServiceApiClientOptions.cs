namespace AspireMigration.Shared.Security;

/// <summary>
/// One caller of the service APIs (configuration "ServiceApi:Clients:&lt;id&gt;"). Either it acts on
/// behalf of users it authenticated itself (<see cref="OnBehalfOf"/>, the Dashboard), or it has one
/// fixed identity and role set (automation: the CLI, a pipeline) and on-behalf-of headers are refused.
/// </summary>
public sealed class ServiceApiClientOptions
{
    /// <summary>Every key valid now; two during a rotation, so callers move to the new one without downtime.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>Whether the client names the acting user and role per request.</summary>
    public bool OnBehalfOf { get; set; }

    /// <summary>The identity recorded for a fixed-identity client (createdBy, approvedBy, …); the client id when unset.</summary>
    public string? Name { get; set; }

    /// <summary>The roles of a fixed-identity client.</summary>
    public List<string> Roles { get; set; } = [];
}
