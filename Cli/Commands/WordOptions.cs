using AspireMigration.ApiClients;

namespace AspireMigration.Cli.Commands;

/// <summary>An option or argument that takes one of the API's words for a generated enum ("manual_review").</summary>
public static class WordOptions
{
    /// <summary>The member the API calls <paramref name="word"/>; a usage error naming <paramref name="what"/> when none is.</summary>
    public static T Parse<T>(string word, string what) where T : struct, Enum =>
        WireNames.Find<T>(word)
        ?? throw new CliUsageException($"{what} must be one of {string.Join(", ", WireNames.All<T>())}, not '{word}'.");
}
