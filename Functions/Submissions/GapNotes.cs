using System.Text.Encodings.Web;
using System.Text.Json;

namespace TetReadiness.Submissions;

/// <summary>
/// The notes a unit wrote on the items it is not (fully) ready on, as one JSON column (<c>GapNotes</c> of
/// <c>Submissions</c>), each cut to <see cref="MaxNoteLength"/> characters: what a dashboard quotes next to its
/// least-ready items. The whole note stays in <c>Answers</c> and the revision log. 98 items of 240 characters stay
/// under the 32,000 characters a table string may hold.
/// </summary>
public static class GapNotes
{
    public const int MaxNoteLength = 240;

    /// <summary>Under the 32,768 characters a table string holds, whatever the notes escape to.</summary>
    public const int MaxEncodedLength = 30_000;

    // Vietnamese stays as it is (the default encoder would write most letters as six-character escapes).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Encode(IEnumerable<Answer> answers)
    {
        var notes = answers
            .Where(a => a.Status is AnswerStatus.NotReady or AnswerStatus.Partial && !string.IsNullOrWhiteSpace(a.Note))
            .Select(a => KeyValuePair.Create(a.ItemId, Excerpt(a.Note!)))
            .ToList();
        while (notes.Count > 0)
        {
            // Only notes that escape heavily (quotes, backslashes) can overflow; the checklist's last ones give way.
            var encoded = JsonSerializer.Serialize(new Dictionary<string, string>(notes, StringComparer.Ordinal), Json);
            if (encoded.Length <= MaxEncodedLength)
            {
                return encoded;
            }

            notes.RemoveAt(notes.Count - 1);
        }

        return null;
    }

    public static IReadOnlyDictionary<string, string> Decode(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(encoded) is { } notes
                ? new Dictionary<string, string>(notes, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>The trimmed note, cut at a whole character (never between the halves of a surrogate pair) with "…".</summary>
    public static string Excerpt(string note)
    {
        var trimmed = note.Trim();
        if (trimmed.Length <= MaxNoteLength)
        {
            return trimmed;
        }

        var cut = MaxNoteLength - 1;
        if (char.IsHighSurrogate(trimmed[cut - 1]))
        {
            cut--;
        }

        return trimmed[..cut].TrimEnd() + "…";
    }
}
