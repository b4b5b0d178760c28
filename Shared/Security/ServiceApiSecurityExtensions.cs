using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AspireMigration.Shared.Security;

public static class ServiceApiSecurityExtensions
{
    /// <summary>
    /// Every endpoint of a service API requires an authenticated caller (fallback policy); actions
    /// additionally require the Approve or Operate policy. /health and /alive stay anonymous.
    /// Callers are the clients of "ServiceApi:Clients", each with its own keys.
    /// </summary>
    public static TBuilder AddServiceApiSecurity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var clients = ServiceApiClientConfiguration.Read(builder.Configuration);
        builder.Services.AddAuthentication(ServiceApiHeaders.Scheme)
            .AddScheme<ServiceApiKeyOptions, ServiceApiKeyHandler>(ServiceApiHeaders.Scheme, options => options.Clients = clients);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Approve, policy => policy.RequireRole(Roles.Approver))
            .AddPolicy(Policies.Operate, policy => policy.RequireRole(Roles.Operator));
        return builder;
    }
}
