using System.Runtime.CompilerServices;
using AspireMigration.ApiClients;

namespace AspireMigration.Dashboard.Clients;

/// <summary>
/// Reading the generated models into the Dashboard's view types. Kiota makes every field nullable, whatever the document
/// requires; a required field missing from an answer is the service breaking its contract, never a value to default.
/// </summary>
internal static class Wire
{
    public static T Required<T>(T? value, [CallerArgumentExpression(nameof(value))] string field = "") where T : struct =>
        value ?? throw Missing(field);

    public static T Required<T>(T? value, [CallerArgumentExpression(nameof(value))] string field = "") where T : class =>
        value ?? throw Missing(field);

    /// <summary>A map of counts (<c>additionalProperties: integer</c>): Kiota keeps them in its additional data, as decimals.</summary>
    public static IReadOnlyDictionary<string, int> Counts(
        IDictionary<string, object>? map, [CallerArgumentExpression(nameof(map))] string field = "") =>
        Required(map, field).ToDictionary(e => e.Key, e => e.Value is decimal count ? (int)count : throw Missing(field));

    /// <summary>The generated enum's member the API calls <paramref name="word"/>; the pages pass only the words they offer.</summary>
    public static T Word<T>(string word) where T : struct, Enum =>
        WireNames.Find<T>(word)
        ?? throw new ArgumentOutOfRangeException(nameof(word), word, $"Not one of the API's {typeof(T).Name} words.");

    private static InvalidDataException Missing(string field) =>
        new($"The service's answer lacks {field} (or holds it in another type) where its document requires it.");
}
