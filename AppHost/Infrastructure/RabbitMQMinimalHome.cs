using System.Text.RegularExpressions;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>
/// A RABBITMQ_HOME holding only the Erlang applications the broker itself needs (the closure of the
/// <c>rabbit</c> application's dependencies), as links into the installed one. Debian's broker puts
/// every bundled plugin on the Erlang code path, and at boot RabbitMQ scans each application on that
/// path for feature flags while every module load searches all of its directories: with ~70 plugins
/// that is most of the broker's start-up (measured on a 2-core machine: 9-11 s to an open AMQP port,
/// 6 s with the 20 applications it needs). No plugin is enabled here, so none is missed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static partial class RabbitMQMinimalHome
{
    /// <summary>The environment variable the broker's scripts take their scripts directory (and so their home) from.</summary>
    public const string ScriptsDirectoryVariable = "RABBITMQ_SCRIPTS_DIR";

    private const string RootApplication = "rabbit";

    /// <summary>
    /// Links the installed broker's scripts and needed applications under <paramref name="workingDirectory"/> and
    /// returns the scripts directory to hand the broker, or null when the installation is not laid out as
    /// expected (the broker then starts from its own home, only slower).
    /// </summary>
    public static string? Prepare(string serverScript, string workingDirectory)
    {
        var installedScripts = Path.GetDirectoryName(ResolveLinks(serverScript));
        var installedPlugins = installedScripts is null ? null : Path.GetFullPath(Path.Combine(installedScripts, "..", "plugins"));
        if (installedScripts is null || !Directory.Exists(installedPlugins))
        {
            return null;
        }
        var applications = Directory.GetDirectories(installedPlugins)
            .ToDictionary(directory => VersionSuffix().Replace(Path.GetFileName(directory), ""), StringComparer.Ordinal);
        var needed = Closure(applications);
        if (needed is null)
        {
            return null;
        }

        var home = Path.Combine(workingDirectory, "home");
        var scripts = Path.Combine(home, "sbin");
        var plugins = Path.Combine(home, "plugins");
        // The working directory holds the broker's password in its config: owner only, as the node preparer makes it.
        Directory.CreateDirectory(workingDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Rebuilt on every start, so a package upgrade (new application versions) is picked up.
        if (Directory.Exists(home))
        {
            Directory.Delete(home, recursive: true);
        }
        Directory.CreateDirectory(scripts);
        Directory.CreateDirectory(plugins);
        foreach (var script in Directory.GetFiles(installedScripts))
        {
            File.CreateSymbolicLink(Path.Combine(scripts, Path.GetFileName(script)), ResolveLinks(script));
        }
        foreach (var application in needed)
        {
            File.CreateSymbolicLink(Path.Combine(plugins, Path.GetFileName(application)), Path.GetFullPath(application));
        }
        return scripts;
    }

    /// <summary>The directories of <c>rabbit</c> and everything it depends on that ships with the broker (the rest is
    /// Erlang/OTP's, found on its own path); null when an application file is missing or unreadable.</summary>
    private static List<string>? Closure(Dictionary<string, string> applications)
    {
        var needed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([RootApplication]);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name) || !applications.TryGetValue(name, out var directory))
            {
                continue;
            }
            var appFile = Path.Combine(directory, "ebin", name + ".app");
            if (!File.Exists(appFile))
            {
                return null;
            }
            needed.Add(directory);
            foreach (Match list in DependencyList().Matches(File.ReadAllText(appFile)))
            {
                var dependencies = list.Groups["apps"].Value;
                foreach (var dependency in dependencies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    pending.Push(dependency);
                }
            }
        }
        return needed.Count > 0 ? needed : null;
    }

    private static string ResolveLinks(string path) =>
        File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    [GeneratedRegex(@"-[0-9][0-9.]*$")]
    private static partial Regex VersionSuffix();

    [GeneratedRegex(@"\{(?:included_)?applications,\s*\[(?<apps>[^\]]*)\]")]
    private static partial Regex DependencyList();
}
