using System.Buffers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using TetReadiness.Backups;

namespace TetReadiness.Tests.Backups;

public sealed class BackupRowFormatTests
{
    [Fact]
    public void Every_edm_type_reads_back_as_written_to_the_tick_and_the_bit()
    {
        var row = BackupSeed.EveryType("p", "r");
        row["NotANumber"] = double.NaN;
        row["PlusInfinity"] = double.PositiveInfinity;
        row["MinusInfinity"] = double.NegativeInfinity;
        row.Timestamp = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1);

        var line = Line(row);
        var read = BackupRowFormat.Read(line);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(TableSnapshot.Describe(row), TableSnapshot.Describe(read));
        Assert.Equal(row.Timestamp, read.Timestamp);
        Assert.Contains("\"Int64Max\":{\"Type\":\"Edm.Int64\",\"Value\":\"9223372036854775807\"}", line, StringComparison.Ordinal);
        Assert.Contains("\"DoubleWhole\":{\"Type\":\"Edm.Double\",\"Value\":1}", line, StringComparison.Ordinal);
        Assert.Contains("\"Instant\":{\"Type\":\"Edm.DateTime\",\"Value\":\"2027-02-06T01:02:03.4567891Z\"}", line, StringComparison.Ordinal);
        Assert.Contains("\"NotANumber\":{\"Type\":\"Edm.Double\",\"Value\":\"NaN\"}", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_number_double_stays_a_double_and_an_int_stays_an_int()
    {
        var read = BackupRowFormat.Read(Line(new TableEntity("p", "r") { ["Score"] = 1.0, ["Count"] = 1 }));

        Assert.IsType<double>(read["Score"]);
        Assert.IsType<int>(read["Count"]);
    }

    [Fact]
    public void The_keys_and_the_sdks_bookkeeping_are_not_written_as_properties()
    {
        var row = new TableEntity("p", "r") { ["odata.etag"] = "W/\"x\"", ["Name"] = "n" };

        using var document = JsonDocument.Parse(Line(row));

        Assert.Equal(["Name"], document.RootElement.GetProperty("Properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void An_unknown_type_is_refused_with_the_row_and_property_named()
    {
        var failure = Assert.Throws<FormatException>(() => BackupRowFormat.Read("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"Properties\":{\"X\":{\"Type\":\"Edm.Decimal\",\"Value\":1}}}"));

        Assert.Contains("p/r", failure.Message, StringComparison.Ordinal);
        Assert.Contains("X", failure.Message, StringComparison.Ordinal);
    }

    private static string Line(TableEntity row)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            BackupRowFormat.Write(writer, row);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
