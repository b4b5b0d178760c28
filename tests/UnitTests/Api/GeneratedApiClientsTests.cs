using System.Diagnostics;
using AspireMigration.TestSupport;

namespace AspireMigration.UnitTests.Api;

/// <summary>
/// The committed clients (Shared/ApiClients/Generated) must be what Kiota generates from the committed documents now,
/// so a document change without its clients, or a hand edit of generated code, fails here.
/// </summary>
public sealed class GeneratedApiClientsTests
{
    [Fact]
    public async Task The_committed_clients_are_what_the_committed_documents_generate()
    {
        var committed = Path.Combine(Repository.Root, "Shared", "ApiClients", "Generated");
        var regenerated = Directory.CreateTempSubdirectory("api-clients-").FullName;
        try
        {
            await GenerateAsync(regenerated);

            Assert.Equal(Sources(committed), Sources(regenerated));
        }
        finally
        {
            Directory.Delete(regenerated, recursive: true);
        }
    }

    private static async Task GenerateAsync(string output)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // msbuild rather than build: the target only runs the tool, and a restore here would race the test run's build.
            ArgumentList =
            {
                "msbuild", "Shared/ApiClients/ApiClients.csproj", "-t:GenerateApiClients", "-v:q", $"-p:ApiClientsDirectory={output}",
            },
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"Regeneration failed (is `dotnet tool restore` done?):\n{await stdout}\n{await stderr}");
    }

    /// <summary>Every generated source by its relative path; the lock file is left out, as it names the output's location.</summary>
    private static SortedDictionary<string, string> Sources(string directory) =>
        new(Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(path => Path.GetRelativePath(directory, path), File.ReadAllText), StringComparer.Ordinal);
}
