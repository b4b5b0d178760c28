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
    /// </summary>
    public static TBuilder AddServiceApiSecurity<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var key = builder.Configuration["ServiceApi:Key"];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InvalidOperationException("ServiceApi:Key is not set; the AppHost passes the 'service-api-key' parameter, or set ServiceApi__Key.");
        }
        builder.Services.AddAuthentication(ServiceApiHeaders.Scheme)
            .AddScheme<ServiceApiKeyOptions, ServiceApiKeyHandler>(ServiceApiHeaders.Scheme, options => options.Key = key);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Approve, policy => policy.RequireRole(Roles.Approver))
            .AddPolicy(Policies.Operate, policy => policy.RequireRole(Roles.Operator));
        return builder;
    }
}
