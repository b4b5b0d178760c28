using System.ComponentModel;
using System.Diagnostics;

namespace AspireMigration.TestSupport;

/// <summary>
/// Redocly's OpenAPI linter (recommended rules) over the committed documents, from npm into
/// tests/TestSupport/openapi-lint/node_modules (ignored by git): .ci/install-deps installs it, and the
/// first lint installs it when it is missing, never reading stdin.
/// </summary>
public static class OpenApiLinter
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    /// <summary>Lints docs/api/&lt;name&gt;.json for each name; the exit code is 0 only when no rule reports an error.</summary>
    public static async Task<(int ExitCode, string Output)> LintAsync(params string[] names)
    {
        var folder = Path.Combine(Repository.Root, "tests", "TestSupport", "openapi-lint");
        var redocly = Path.Combine(folder, "node_modules", ".bin", "redocly");
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(redocly))
            {
                var (exitCode, output) = await RunAsync("npm", folder, "install", "--no-audit", "--no-fund");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException($"npm install of the OpenAPI linter in {folder} failed:\n{output}");
                }
            }
        }
        finally
        {
            Install.Release();
        }
        string[] arguments = ["lint", "--config", "redocly.yaml", "--format", "stylish", .. names.Select(CommittedOpenApi.PathOf)];
        return await RunAsync(redocly, folder, arguments);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{program}' could not be started ({e.Message}): the OpenAPI lint needs Node.js and npm (.ci/install-deps installs them).",
                e);
        }
        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
