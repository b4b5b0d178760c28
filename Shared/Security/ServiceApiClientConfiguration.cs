using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace AspireMigration.Shared.Security;

/// <summary>
/// Reads and validates "ServiceApi:Clients". A mistake here would silently widen or lock out
/// access, so every inconsistency stops the service at start-up with the setting to fix.
/// </summary>
internal static class ServiceApiClientConfiguration
{
    public const string Section = "ServiceApi:Clients";

    /// <summary>The single shared key of earlier versions, still accepted as one on-behalf-of client.</summary>
    public const string LegacyKey = "ServiceApi:Key";

    public const string LegacyClientId = "shared-key";

    public static IReadOnlyList<ServiceApiClient> Read(IConfiguration configuration)
    {
        var configured = configuration.GetSection(Section).Get<Dictionary<string, ServiceApiClientOptions>>() ?? [];
        if (configuration[LegacyKey] is { Length: > 0 } legacyKey)
        {
            configured[LegacyClientId] = new ServiceApiClientOptions { Keys = [legacyKey], OnBehalfOf = true };
        }
        if (configured.Count == 0)
        {
            throw new InvalidOperationException(
                $"{Section} is empty; the AppHost passes one client per caller, "
                + "or set e.g. ServiceApi__Clients__cli__Keys__0 and its Name and Roles.");
        }
        var clients = configured.Select(entry => Validate(entry.Key, entry.Value)).ToList();
        var shared = clients.SelectMany(c => c.KeyHashes.Select(hash => (Hash: Convert.ToHexString(hash), c.Id)))
            .GroupBy(k => k.Hash).FirstOrDefault(g => g.Select(k => k.Id).Distinct().Count() > 1);
        if (shared is not null)
        {
            throw new InvalidOperationException(
                $"{Section}: clients {string.Join(" and ", shared.Select(k => k.Id).Distinct())} share a key; each client needs its own.");
        }
        return clients;
    }

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static ServiceApiClient Validate(string id, ServiceApiClientOptions options)
    {
        var keys = options.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash).ToList();
        if (keys.Count == 0)
        {
            throw new InvalidOperationException($"{Section}:{id} has no key (set {Section}:{id}:Keys:0).");
        }
        if (options.OnBehalfOf)
        {
            if (options.Roles.Count > 0 || options.Name is not null)
            {
                throw new InvalidOperationException(
                    $"{Section}:{id} acts on behalf of its users, who bring their own name and role: remove its Name and Roles.");
            }
            return new ServiceApiClient(id, keys, OnBehalfOf: true, Name: id, Roles: []);
        }
        if (options.Roles.Count == 0 || options.Roles.Any(role => !Roles.All.Contains(role)))
        {
            throw new InvalidOperationException(
                $"{Section}:{id}:Roles must list one or more of {string.Join(", ", Roles.All)}; "
                + $"it has [{string.Join(", ", options.Roles)}].");
        }
        return new ServiceApiClient(
            id, keys, OnBehalfOf: false, string.IsNullOrWhiteSpace(options.Name) ? id : options.Name, options.Roles.Distinct().ToList());
    }
}
