namespace TetReadiness.Reporting;

/// <summary>
/// One CSV cell as RFC 4180 writes it, safe to open in Excel: a text cell that starts with = + - @, a tab or a
/// carriage return is prefixed with a single quote so it is never run as a formula (OWASP "CSV injection").
/// </summary>
public static class CsvCell
{
    public static string Text(string value) => Quote(Neutralise(value));

    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>Quotes a cell holding a comma, a quote or a line break, doubling its quotes.</summary>
    public static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
