using System.Text.Json;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace AspireMigration.Cli.Api;

/// <summary>
/// The JSON a command prints with --json: the typed answer written back with the services' field names. Kiota's own
/// writer leaves out null fields; the services write them (a run's "reason": null), and a script may index them, so this
/// writer keeps them and --json shows the shape the API documents.
/// </summary>
public sealed class ApiJson : ISerializationWriter
{
    private readonly JsonSerializationWriter inner = new();

    private Utf8JsonWriter Writer => inner.writer;

    public Action<IParsable>? OnBeforeObjectSerialization { get; set; }

    public Action<IParsable>? OnAfterObjectSerialization { get; set; }

    public Action<IParsable, ISerializationWriter>? OnStartObjectSerialization { get; set; }

    public static JsonElement Of(IParsable? value) => Write(writer => writer.WriteObjectValue(null, value));

    public static JsonElement Of<T>(IEnumerable<T>? values) where T : IParsable =>
        Write(writer => writer.WriteCollectionOfObjectValues(null, values));

    private static JsonElement Write(Action<ApiJson> write)
    {
        using var json = new ApiJson();
        write(json);
        using var document = JsonDocument.Parse(json.GetSerializedContent());
        return document.RootElement.Clone();
    }

    public void WriteObjectValue<T>(string? key, T? value, params IParsable?[] additionalValuesToMerge) where T : IParsable
    {
        if (Null(key, value))
        {
            return;
        }
        Writer.WriteStartObject();
        value!.Serialize(this);
        Writer.WriteEndObject();
    }

    public void WriteCollectionOfObjectValues<T>(string? key, IEnumerable<T>? values) where T : IParsable
    {
        if (Null(key, values))
        {
            return;
        }
        Writer.WriteStartArray();
        foreach (var value in values!)
        {
            WriteObjectValue(null, value);
        }
        Writer.WriteEndArray();
    }

    public void WriteStringValue(string? key, string? value)
    {
        if (!Null(key, value))
        {
            Writer.WriteStringValue(value);
        }
    }

    public void WriteBoolValue(string? key, bool? value) => Write(key, value, inner.WriteBoolValue);

    public void WriteByteValue(string? key, byte? value) => Write(key, value, inner.WriteByteValue);

    public void WriteSbyteValue(string? key, sbyte? value) => Write(key, value, inner.WriteSbyteValue);

    public void WriteIntValue(string? key, int? value) => Write(key, value, inner.WriteIntValue);

    public void WriteFloatValue(string? key, float? value) => Write(key, value, inner.WriteFloatValue);

    public void WriteLongValue(string? key, long? value) => Write(key, value, inner.WriteLongValue);

    public void WriteDoubleValue(string? key, double? value) => Write(key, value, inner.WriteDoubleValue);

    public void WriteDecimalValue(string? key, decimal? value) => Write(key, value, inner.WriteDecimalValue);

    public void WriteGuidValue(string? key, Guid? value) => Write(key, value, inner.WriteGuidValue);

    public void WriteDateTimeOffsetValue(string? key, DateTimeOffset? value) => Write(key, value, inner.WriteDateTimeOffsetValue);

    public void WriteTimeSpanValue(string? key, TimeSpan? value) => Write(key, value, inner.WriteTimeSpanValue);

    public void WriteDateValue(string? key, Date? value) => Write(key, value, inner.WriteDateValue);

    public void WriteTimeValue(string? key, Time? value) => Write(key, value, inner.WriteTimeValue);

    public void WriteEnumValue<T>(string? key, T? value) where T : struct, Enum => Write(key, value, inner.WriteEnumValue);

    public void WriteByteArrayValue(string? key, byte[]? value) => Write(key, value, inner.WriteByteArrayValue);

    public void WriteCollectionOfPrimitiveValues<T>(string? key, IEnumerable<T>? values) =>
        Write(key, values, inner.WriteCollectionOfPrimitiveValues);

    public void WriteCollectionOfEnumValues<T>(string? key, IEnumerable<T?>? values) where T : struct, Enum =>
        Write(key, values, inner.WriteCollectionOfEnumValues);

    public void WriteNullValue(string? key) => inner.WriteNullValue(key);

    public void WriteAdditionalData(IDictionary<string, object> value) => inner.WriteAdditionalData(value);

    public Stream GetSerializedContent() => inner.GetSerializedContent();

    public void Dispose() => inner.Dispose();

    private void Write<T>(string? key, T? value, Action<string?, T?> write)
    {
        if (value is null)
        {
            inner.WriteNullValue(key);
        }
        else
        {
            write(key, value);
        }
    }

    /// <summary>Writes the key, and null for a null value; true when nothing more is to be written.</summary>
    private bool Null(string? key, object? value)
    {
        if (!string.IsNullOrEmpty(key))
        {
            Writer.WritePropertyName(key);
        }
        if (value is null)
        {
            Writer.WriteNullValue();
        }
        return value is null;
    }
}
