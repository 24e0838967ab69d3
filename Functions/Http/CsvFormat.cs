using System.Text;

namespace TetReadiness.Http;

/// <summary>
/// CSV for Excel: UTF-8 with a BOM (so Vietnamese shows correctly), RFC 4180 quoting, and cells that Excel would
/// run as a formula (= + - @, tab, CR at the start) neutralised with a leading apostrophe.
/// </summary>
public static class CsvFormat
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string ByteOrderMark = "\uFEFF";

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static StringBuilder AppendRow(this StringBuilder builder, params string?[] cells) =>
        builder.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
