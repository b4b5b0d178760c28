using Microsoft.AspNetCore.Authentication;

namespace AspireMigration.Shared.Security;

public sealed class ServiceApiKeyOptions : AuthenticationSchemeOptions
{
    /// <summary>The deployment's shared key (Aspire parameter "service-api-key", configuration "ServiceApi:Key").</summary>
    public string Key { get; set; } = "";
}
