using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// Writes the broker's configuration before each start. The broker creates its default user only
/// in a fresh node database, so when the password parameter changed the node database is reset
/// rather than left with a user nobody can log in as.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class RabbitMQNodePreparer(ILogger logger)
{
    public async Task PrepareAsync(LocalRabbitMQServerResource broker, CancellationToken cancellationToken)
    {
        var password = await broker.PasswordParameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The parameter '{broker.PasswordParameter.Name}' has no value.");
        Directory.CreateDirectory(broker.WorkingDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var fingerprintFile = Path.Combine(broker.WorkingDirectory, "credentials.sha256");
        var fingerprint = Convert.ToHexStringLower(
            SHA256.HashData(Encoding.UTF8.GetBytes(LocalRabbitMQServerResource.UserName + ":" + password)));
        var mnesia = Path.Combine(broker.WorkingDirectory, "mnesia");
        if (Directory.Exists(mnesia)
            && (!File.Exists(fingerprintFile) || await File.ReadAllTextAsync(fingerprintFile, cancellationToken) != fingerprint))
        {
            logger.LogWarning("The broker password changed; resetting the local node database of {Broker}", broker.Name);
            Directory.Delete(mnesia, recursive: true);
        }

        await File.WriteAllTextAsync(broker.ConfigFile, $"""
            default_user = {LocalRabbitMQServerResource.UserName}
            default_pass = {password}
            default_permissions.configure = .*
            default_permissions.read = .*
            default_permissions.write = .*
            loopback_users = none
            """, cancellationToken);
        File.SetUnixFileMode(broker.ConfigFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await File.WriteAllTextAsync(Path.Combine(broker.WorkingDirectory, "enabled_plugins"), "[].", cancellationToken);
        await File.WriteAllTextAsync(fingerprintFile, fingerprint, cancellationToken);
    }
}
