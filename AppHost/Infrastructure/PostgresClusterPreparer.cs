namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// Brings the local cluster to the state the AppHost expects before the server starts: initdb on
/// first start, then the current password and the databases, all in single-user mode so no
/// network listener is ever up with a stale password.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class PostgresClusterPreparer(ServiceAccount account, string binDirectory)
{
    public async Task PrepareAsync(LocalPostgresServerResource server, CancellationToken cancellationToken)
    {
        var password = await server.PasswordParameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The parameter '{server.PasswordParameter.Name}' has no value.");

        Directory.CreateDirectory(Path.GetDirectoryName(server.WorkingDirectory)!);
        await account.CreateOwnedDirectoryAsync(server.WorkingDirectory, cancellationToken);
        await account.CreateOwnedDirectoryAsync(server.SocketDirectory, cancellationToken);

        if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION")))
        {
            // initdb reads the first password from stdin-free storage only; a throwaway file readable
            // by the server account alone keeps it off the command line.
            var passwordFile = Path.Combine(server.SocketDirectory, "initdb.pw");
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            try
            {
                await account.CreateOwnedDirectoryAsync(server.DataDirectory, cancellationToken);
                if (account.IsNeeded)
                {
                    await LocalProcess.RunAsync(new CommandLine("chown", [account.UserName, passwordFile]), null, cancellationToken);
                }
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                await LocalProcess.RunAsync(account.Wrap(Path.Combine(binDirectory, "initdb"),
                    "-D", server.DataDirectory, "-U", LocalPostgresServerResource.SuperUser, "--auth=scram-sha-256",
                    $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C.UTF-8"), null, cancellationToken);
            }
            finally
            {
                File.Delete(passwordFile);
            }
        }

        // Single-user mode runs one statement per line and carries on past "already exists".
        var script = $"ALTER ROLE {LocalPostgresServerResource.SuperUser} PASSWORD '{password.Replace("'", "''")}'\n"
            + string.Concat(server.Databases.Values.Select(db => $"CREATE DATABASE \"{db.Replace("\"", "\"\"")}\"\n"));
        await LocalProcess.RunAsync(account.Wrap(Path.Combine(binDirectory, "postgres"),
            "--single", "-D", server.DataDirectory, "postgres"), script, cancellationToken);
    }
}
