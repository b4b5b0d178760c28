using System.Security.Cryptography;
using System.Text;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// Picks where local servers keep their data. The default is per checkout, so two clones never
/// share a database, and outside /root, which the unprivileged server account cannot traverse.
/// </summary>
public static class LocalDataDirectory
{
    public static string Resolve(string? configured, string appHostDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }
        var checkout = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(appHostDirectory)))[..12];
        var root = Environment.IsPrivilegedProcess
            ? "/var/tmp/aspire-migration"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "aspire-migration");
        return Path.Combine(root, checkout);
    }
}
