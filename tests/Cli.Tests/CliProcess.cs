using System.Diagnostics;

namespace AspireMigration.Cli.Tests;

/// <summary>
/// Runs the built aspire-migration binary as a pipeline would: standard input redirected and closed
/// (no terminal), only the environment variables a test gives it among the CLI's own.
/// </summary>
public static class CliProcess
{
    private static readonly string Binary = Path.Combine(AppContext.BaseDirectory, "aspire-migration.dll");

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.ArgumentList.Add(Binary);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPIRE_MIGRATION_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }
        // No config file of the machine's user, nor the one a stack started from this checkout left, may leak into a test: the
        // process runs outside any checkout, with a config home of its own.
        var isolated = Path.Combine(Path.GetTempPath(), "aspire-migration-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(isolated);
        start.WorkingDirectory = isolated;
        start.Environment["XDG_CONFIG_HOME"] = isolated;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return new CliResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(isolated, recursive: true);
        }
    }
}
