using System.Buffers;
using System.Text;
using TetReadiness.FeedSchema;

namespace TetReadiness.Reporting;

/// <summary>
/// CSV for Excel: UTF-8 with a BOM (so Vietnamese opens intact), a header row of column names, RFC 4180 quoting,
/// CRLF line ends, text cells neutralised against formula injection; dates yyyy-MM-dd, numbers with a '.'.
/// </summary>
public sealed class FeedCsvWriter(FeedTable table) : FeedWriter(table)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StringBuilder line = new();

    public override void Start()
    {
        Buffer.Write(Encoding.UTF8.Preamble);
        line.Clear();
        line.AppendJoin(',', Table.Columns.Select(c => CsvCell.Quote(c.Name)));
        EndLine();
    }

    public override void WriteRow(FeedRow row)
    {
        line.Clear();
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            var column = Table.Columns[i];
            var text = FeedValues.Format(column.Type, column.Value(row));
            if (text is not null)
            {
                line.Append(column.Type == FeedColumnType.Text ? CsvCell.Text(text) : text);
            }
        }

        EndLine();
    }

    public override void End()
    {
    }

    private void EndLine()
    {
        line.Append("\r\n");
        var text = line.ToString();
        var bytes = Buffer.GetSpan(Utf8.GetMaxByteCount(text.Length));
        Buffer.Advance(Utf8.GetBytes(text, bytes));
    }
}
