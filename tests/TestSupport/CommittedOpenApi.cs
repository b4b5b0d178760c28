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
        var path = Path.Combine(Repository.Root, "docs", "api", name + ".json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, live);
        }
        return (File.Exists(path) ? await File.ReadAllTextAsync(path) : "(missing: run the test with UPDATE_OPENAPI=1)", live);
    }

    /// <summary>Drops the servers list: it names the host that served the document, which differs per run.</summary>
    private static string Normalise(string document)
    {
        var node = JsonNode.Parse(document)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }
}
