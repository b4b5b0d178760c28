using System.Text.Json;
using System.Text.Json.Nodes;

namespace AspireMigration.TestSupport;

/// <summary>
/// The OpenAPI documents committed under docs/api, so every API change shows up in review. Each service's
/// build writes its document to obj/openapi (Directory.Build.targets); tests compare that one, and the live
/// service's, with the committed one. After an intended API change, `dotnet build -p:UpdateOpenApi=true`
/// copies the built documents over the committed ones.
/// </summary>
public static class CommittedOpenApi
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Returns (committed, other), both normalised; equal unless the API changed without its document.</summary>
    public static async Task<(string Committed, string Other)> CompareAsync(string name, string document)
    {
        var path = PathOf(name);
        var committed = File.Exists(path)
            ? Normalise(await File.ReadAllTextAsync(path))
            : "(missing: run dotnet build -p:UpdateOpenApi=true)";
        return (committed, Normalise(document));
    }

    public static string PathOf(string name) => Path.Combine(Repository.Root, "docs", "api", name + ".json");

    /// <summary>Where the build of <paramref name="project"/> wrote the document <paramref name="name"/>.</summary>
    public static string BuiltPathOf(string project, string name) =>
        Path.Combine(Repository.Root, project, "obj", "openapi", name + ".json");

    /// <summary>Indented, one line ending, one escaping: writers differ in whitespace and in which characters they escape.</summary>
    private static string Normalise(string document) =>
        JsonNode.Parse(document)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
