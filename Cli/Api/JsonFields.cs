using System.Globalization;
using System.Text.Json;

namespace AspireMigration.Cli.Api;

/// <summary>Reads the API's JSON by field name, for display: a missing or null field reads as empty.</summary>
public static class JsonFields
{
    public static string Text(this JsonElement json, string name) =>
        !json.TryGetProperty(name, out var value) ? ""
        : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined => "",
            JsonValueKind.Array => value.GetArrayLength().ToString(CultureInfo.InvariantCulture),
            _ => value.GetRawText(),
        };

    public static long Number(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    public static bool Flag(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static JsonElement Field(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) ? value : default;

    public static IEnumerable<JsonElement> Items(this JsonElement json, string? name = null)
    {
        var array = name is null ? json : json.Field(name);
        return array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }
}
