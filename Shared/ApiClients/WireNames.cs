using System.Reflection;
using System.Runtime.Serialization;

namespace AspireMigration.ApiClients;

/// <summary>The API's words for the generated enums ("manual_review"), which carry them as <see cref="EnumMemberAttribute"/>.</summary>
public static class WireNames
{
    public static string Of(Enum member) =>
        member.GetType().GetField(member.ToString())?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? member.ToString();

    /// <summary>The member the API calls <paramref name="word"/>, or null when none is.</summary>
    public static T? Find<T>(string word) where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => Of(v) == word).Select(v => (T?)v).FirstOrDefault();

    /// <summary>Every word the API has for <typeparamref name="T"/>, in the document's order.</summary>
    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v));
}
