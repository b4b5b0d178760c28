namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// Runs a server as an unprivileged account when the AppHost itself runs as root (CI, fresh
/// Debian machines). setpriv execs in place, so the orchestrator's stop signal reaches the server.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServiceAccount(string userName)
{
    public bool IsNeeded { get; } = Environment.IsPrivilegedProcess;

    public string UserName { get; } = userName;

    public CommandLine Wrap(string fileName, params IEnumerable<string> arguments) => IsNeeded
        ? new CommandLine("setpriv", [$"--reuid={UserName}", $"--regid={UserName}", "--init-groups", "--", fileName, .. arguments])
        : new CommandLine(fileName, [.. arguments]);

    /// <summary>Creates a directory the account owns, with no access for others.</summary>
    public async Task CreateOwnedDirectoryAsync(string path, CancellationToken cancellationToken)
    {
        if (IsNeeded)
        {
            await LocalProcess.RunAsync(
                new CommandLine("install", ["-d", "-o", UserName, "-g", UserName, "-m", "700", path]), null, cancellationToken);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
