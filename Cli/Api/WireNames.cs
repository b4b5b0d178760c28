using System.Reflection;
using System.Runtime.Serialization;

namespace AspireMigration.Cli.Api;

/// <summary>The API's words for the generated enums ("manual_review"), which carry them as <see cref="EnumMemberAttribute"/>.</summary>
public static class WireNames
{
    public static string Of(Enum member) =>
        member.GetType().GetField(member.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? member.ToString();

    /// <summary>The member the API calls <paramref name="word"/>; a usage error naming <paramref name="what"/> when none is.</summary>
    public static T Parse<T>(string word, string what) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Of(v) == word).Select(v => (T?)v).FirstOrDefault()
        ?? throw new CliUsageException($"{what} must be one of {string.Join(", ", Enum.GetValues<T>().Select(v => Of(v)))}, not '{word}'.");
}
