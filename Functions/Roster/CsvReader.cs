using System.Text;

namespace TetReadiness.Roster;

/// <summary>
/// RFC 4180 records: quoted fields may hold the delimiter, quotes ("") and line breaks.
/// The delimiter is ',' or ';' (Excel in a Vietnamese locale writes ';'), chosen from the header line.
/// Records are read one at a time from a <see cref="TextReader"/>, so a large file is never held whole.
/// </summary>
public static class CsvReader
{
    public static char DetectDelimiter(string text)
    {
        var headerEnd = text.IndexOfAny(['\r', '\n']);
        var header = headerEnd < 0 ? text : text[..headerEnd];
        return header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
    }

    /// <summary>Yields each record with the 1-based line on which it starts.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(string text, char delimiter) =>
        Read(new Source(string.Empty, new StringReader(text)), delimiter);

    /// <summary>
    /// Yields each record with the 1-based line on which it starts; the delimiter is detected from the first line and a
    /// leading byte order mark is skipped.
    /// </summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        var source = new Source(string.Empty, reader);
        if (source.Peek() == '\uFEFF')
        {
            source.Read();
        }

        var header = new StringBuilder();
        while (source.Peek() is var next && next >= 0 && next != '\r' && next != '\n')
        {
            header.Append((char)source.Read());
        }

        var headerText = header.ToString();
        return Read(new Source(headerText, source), DetectDelimiter(headerText));
    }

    private static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(Source source, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var fieldStarted = false;
        int next;
        while ((next = source.Read()) >= 0)
        {
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (source.Peek() == '"')
                    {
                        field.Append('"');
                        source.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = true;
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && source.Peek() == '\n')
                {
                    source.Read();
                }

                if (fieldStarted || field.Length > 0 || fields.Count > 0)
                {
                    fields.Add(field.ToString());
                    yield return (recordLine, fields.ToArray());
                }

                fields.Clear();
                field.Clear();
                fieldStarted = false;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                fieldStarted = true;
            }
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields.ToArray());
        }
    }

    /// <summary>Characters with one of lookahead: first <c>prefix</c>, then the reader, read a buffer at a time.</summary>
    private sealed class Source(string prefix, TextReader reader) : TextReader
    {
        private readonly char[] buffer = new char[16 * 1024];
        private int prefixPosition;
        private int position;
        private int length;

        public override int Peek()
        {
            if (prefixPosition < prefix.Length)
            {
                return prefix[prefixPosition];
            }

            return position < length || Fill() ? buffer[position] : -1;
        }

        public override int Read()
        {
            if (prefixPosition < prefix.Length)
            {
                return prefix[prefixPosition++];
            }

            return position < length || Fill() ? buffer[position++] : -1;
        }

        private bool Fill()
        {
            // TextReader.Read(char[]) returns 0 only at the end, unlike StreamReader.Peek, which may report -1 early.
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            return length > 0;
        }
    }
}
