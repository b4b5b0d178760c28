using System.Globalization;
using AspireMigration.ApiClients;

namespace AspireMigration.Cli.Output;

/// <summary>
/// A typed field as people read it in a table: as the API wrote it (wire names of enums, invariant numbers, lower-case
/// booleans), times in ISO 8601 UTC to the second (--json keeps their full precision), a list as its length, and nothing
/// at all for null.
/// </summary>
public static class Display
{
    /// <summary>A count or rate for people: thousands grouped ("1,000"), at most two decimals; nothing for null.</summary>
    public static string Number(double? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "";

    public static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Enum member => WireNames.Of(member),
        System.Collections.ICollection list => list.Count.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
