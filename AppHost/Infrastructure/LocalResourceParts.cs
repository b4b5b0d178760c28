using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>What every locally run server needs: a generated password and a probe the orchestrator polls.</summary>
internal static class LocalResourceParts
{
    /// <summary>Letters and digits only: the value goes into connection URIs and config files unescaped.</summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedPassword(
        this IDistributedApplicationBuilder builder, string resourceName) =>
        builder.AddParameter($"{resourceName}-password",
            new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);

    /// <summary>Registers <paramref name="probe"/> and returns the key for WithHealthCheck.</summary>
    public static string AddProbe(this IDistributedApplicationBuilder builder, string resourceName, Func<IHealthCheck> probe)
    {
        var key = $"{resourceName}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => probe(), HealthStatus.Unhealthy, tags: null));
        return key;
    }
}
