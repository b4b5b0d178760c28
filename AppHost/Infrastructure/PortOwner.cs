using System.Globalization;

namespace AspireMigration.AppHost.Infrastructure;

/// <summary>Which process listens on a TCP port, read from /proc on Linux, so a refusal can name it.</summary>
public static class PortOwner
{
    public static string Describe(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "another process";
        }
        var inodes = ListeningInodes(port);
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid) || !HoldsAny(process, inodes))
            {
                continue;
            }
            var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ').Trim();
            return $"process {pid} ({commandLine})";
        }
        return "another process (not readable by this user)";
    }

    /// <summary>The socket inodes listening on the port, from /proc/net/tcp and tcp6 (state 0A is LISTEN).</summary>
    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 9 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == "0A")
            .Select(fields => $"socket:[{fields[9]}]")
            .ToHashSet();
    }

    private static bool HoldsAny(string process, HashSet<string> inodes)
    {
        try
        {
            return inodes.Count > 0 && Directory.EnumerateFiles(Path.Combine(process, "fd"))
                .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target));
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }
}
