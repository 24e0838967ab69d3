using System.Text.Encodings.Web;
using System.Text.Json;
using TetReadiness.FeedSchema;

namespace TetReadiness.Reporting;

/// <summary>A JSON array of flat objects, one per row, columns in schema order; Vietnamese written as is.</summary>
public sealed class FeedJsonWriter : FeedWriter
{
    private readonly Utf8JsonWriter json;
    private readonly JsonEncodedText[] names;

    public FeedJsonWriter(FeedTable table)
        : base(table)
    {
        json = new Utf8JsonWriter(Buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        names = table.Columns.Select(c => JsonEncodedText.Encode(c.Name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)).ToArray();
    }

    public override void Start() => json.WriteStartArray();

    public override void WriteRow(FeedRow row)
    {
        json.WriteStartObject();
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            var column = Table.Columns[i];
            var value = column.Value(row);
            switch (column.Type, value)
            {
                case (_, null):
                    json.WriteNull(names[i]);
                    break;
                case (FeedColumnType.Int, int number):
                    json.WriteNumber(names[i], number);
                    break;
                case (FeedColumnType.Number, double number):
                    json.WriteNumber(names[i], number);
                    break;
                case (FeedColumnType.Bool, bool flag):
                    json.WriteBoolean(names[i], flag);
                    break;
                default:
                    json.WriteString(names[i], FeedValues.Format(column.Type, value));
                    break;
            }
        }

        json.WriteEndObject();
    }

    public override void End() => json.WriteEndArray();

    protected override void Commit() => json.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            json.Dispose();
        }
    }
}
