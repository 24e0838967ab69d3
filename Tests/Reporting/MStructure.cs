using System.Text;

namespace TetReadiness.Tests.Reporting;

/// <summary>
/// A structural reading of Power Query M: comments, text literals ("" escapes) and quoted identifiers (#"...")
/// are recognised, brackets must nest, every <c>let</c> must be closed by an <c>in</c>, and a document is one
/// expression (no text after the last <c>in</c>'s body is checked beyond balance). Not a full parser: it catches the
/// mistakes a hand edit makes.
/// </summary>
public static class MStructure
{
    /// <summary>The problems found (empty when the text is well formed) and the text literals it holds.</summary>
    public static (IReadOnlyList<string> Problems, IReadOnlySet<string> Literals) Read(string text)
    {
        var problems = new List<string>();
        var literals = new HashSet<string>(StringComparer.Ordinal);
        var brackets = new Stack<(char Open, int At)>();
        var lets = new Stack<int>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '/' && At(text, i + 1) == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && At(text, i + 1) == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"unclosed comment at {Where(text, i)}");
                    break;
                }

                i = end + 2;
            }
            else if (c == '"' || (c == '#' && At(text, i + 1) == '"'))
            {
                var start = i;
                i += c == '#' ? 2 : 1;
                var literal = new StringBuilder();
                var closed = false;
                while (i < text.Length)
                {
                    if (text[i] == '"' && At(text, i + 1) == '"')
                    {
                        literal.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        closed = true;
                        break;
                    }
                    else
                    {
                        literal.Append(text[i++]);
                    }
                }

                if (!closed)
                {
                    problems.Add($"unclosed text at {Where(text, start)}");
                }

                literals.Add(literal.ToString());
            }
            else if (c is '(' or '[' or '{')
            {
                brackets.Push((c, i++));
            }
            else if (c is ')' or ']' or '}')
            {
                var expected = c switch { ')' => '(', ']' => '[', _ => '{' };
                if (brackets.Count == 0 || brackets.Peek().Open != expected)
                {
                    problems.Add($"'{c}' at {Where(text, i)} closes nothing open");
                }
                else
                {
                    brackets.Pop();
                }

                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                var word = text[start..i];
                if (word == "let")
                {
                    lets.Push(start);
                }
                else if (word == "in" && !lets.TryPop(out _))
                {
                    problems.Add($"'in' at {Where(text, start)} without a 'let'");
                }
            }
            else
            {
                i++;
            }
        }

        problems.AddRange(brackets.Select(b => $"'{b.Open}' at {Where(text, b.At)} is never closed"));
        problems.AddRange(lets.Select(at => $"'let' at {Where(text, at)} has no 'in'"));
        return (problems, literals);
    }

    private static char At(string text, int index) => index < text.Length ? text[index] : '\0';

    private static string Where(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - text.LastIndexOf('\n', Math.Max(0, index - 1));
        return $"line {line}, column {column}";
    }
}
