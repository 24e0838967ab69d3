using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace TetReadiness.Backups;

/// <summary>
/// One table row as one line of JSON, so that a restore writes back exactly the values and EDM types that were read:
/// <c>{"PartitionKey":"…","RowKey":"…","Timestamp":"…","Properties":{"Revision":{"Type":"Edm.Int32","Value":2},…}}</c>.
/// Int64 travels as a string (many JSON readers hold numbers in doubles), DateTime as ISO 8601 UTC with seven
/// decimals, Binary as base64, Guid as text, Double as a number or <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.
/// The storage <c>Timestamp</c> is kept for the record; the service sets a new one on every write, so a restore cannot.
/// </summary>
public static class BackupRowFormat
{
    public const string EdmString = "Edm.String";
    public const string EdmInt32 = "Edm.Int32";
    public const string EdmInt64 = "Edm.Int64";
    public const string EdmDouble = "Edm.Double";
    public const string EdmBoolean = "Edm.Boolean";
    public const string EdmDateTime = "Edm.DateTime";
    public const string EdmGuid = "Edm.Guid";
    public const string EdmBinary = "Edm.Binary";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static void Write(Utf8JsonWriter writer, TableEntity row)
    {
        writer.WriteStartObject();
        writer.WriteString("PartitionKey", row.PartitionKey);
        writer.WriteString("RowKey", row.RowKey);
        if (row.Timestamp is { } timestamp)
        {
            writer.WriteString("Timestamp", Instant(timestamp));
        }

        writer.WriteStartObject("Properties");
        foreach (var (name, value) in row.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (IsSystemProperty(name) || value is null)
            {
                continue;
            }

            writer.WriteStartObject(name);
            writer.WriteString("Type", TypeOf(name, value));
            writer.WritePropertyName("Value");
            WriteValue(writer, value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The row written by <see cref="Write"/>; its <c>Timestamp</c> is the one recorded at export.</summary>
    public static TableEntity Read(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var row = new TableEntity(root.GetProperty("PartitionKey").GetString(), root.GetProperty("RowKey").GetString());
        if (root.TryGetProperty("Timestamp", out var timestamp))
        {
            row.Timestamp = ParseInstant(timestamp.GetString()!);
        }

        foreach (var property in root.GetProperty("Properties").EnumerateObject())
        {
            var type = property.Value.GetProperty("Type").GetString();
            var value = property.Value.GetProperty("Value");
            row[property.Name] = type switch
            {
                EdmString => value.GetString(),
                EdmInt32 => value.GetInt32(),
                EdmInt64 => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
                EdmDouble => value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetDouble(),
                EdmBoolean => value.GetBoolean(),
                EdmDateTime => ParseInstant(value.GetString()!),
                EdmGuid => Guid.Parse(value.GetString()!),
                EdmBinary => value.GetBytesFromBase64(),
                _ => throw new FormatException($"Row {row.PartitionKey}/{row.RowKey}: property {property.Name} has the unknown type '{type}'."),
            };
        }

        return row;
    }

    /// <summary>Keys and the SDK's bookkeeping (<c>odata.etag</c>), which are not properties of the row.</summary>
    public static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal);

    private static string TypeOf(string name, object value) => value switch
    {
        string => EdmString,
        int => EdmInt32,
        long => EdmInt64,
        double => EdmDouble,
        bool => EdmBoolean,
        DateTimeOffset or DateTime => EdmDateTime,
        Guid => EdmGuid,
        byte[] or BinaryData => EdmBinary,
        _ => throw new NotSupportedException($"Property {name} holds a {value.GetType().Name}, which is not a table storage type."),
    };

    private static void WriteValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number when !double.IsFinite(number):
                writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case DateTimeOffset instant:
                writer.WriteStringValue(Instant(instant));
                break;
            case DateTime instant:
                writer.WriteStringValue(Instant(new DateTimeOffset(instant.ToUniversalTime())));
                break;
            case Guid id:
                writer.WriteStringValue(id.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteBase64StringValue(bytes);
                break;
            case BinaryData data:
                writer.WriteBase64StringValue(data.ToMemory().Span);
                break;
        }
    }

    private static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.ParseExact(value, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
