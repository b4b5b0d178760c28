using Microsoft.AspNetCore.Authentication;

namespace AspireMigration.Shared.Security;

public sealed class ServiceApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The callers the API accepts (configuration "ServiceApi:Clients").</summary>
    internal IReadOnlyList<ServiceApiClient> Clients { get; set; } = [];
}
