using System.Text.Json;
using System.Text.Json.Nodes;

namespace AspireMigration.TestSupport;

/// <summary>
/// The OpenAPI documents committed under docs/api, so every API change shows up in review. A test
/// compares a service's live document with its committed one; with UPDATE_OPENAPI=1 it rewrites it instead.
/// </summary>
public static class CommittedOpenApi
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Returns (committed, live), both normalised; equal unless the API changed without its document.</summary>
    public static async Task<(string Committed, string Live)> CompareAsync(string name, string liveDocument)
    {
        var live = Normalise(liveDocument);
        var path = PathOf(name);
        if (Updating)
        {
            await File.WriteAllTextAsync(path, live);
        }
        return (File.Exists(path) ? await File.ReadAllTextAsync(path) : "(missing: run the test with UPDATE_OPENAPI=1)", live);
    }

    /// <summary>UPDATE_OPENAPI=1: the documents are being rewritten from the live services.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1";

    public static string PathOf(string name) => Path.Combine(Repository.Root, "docs", "api", name + ".json");

    /// <summary>Indented, one line ending: the document's own serialisation differs in whitespace only.</summary>
    private static string Normalise(string document) =>
        JsonNode.Parse(document)!.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
