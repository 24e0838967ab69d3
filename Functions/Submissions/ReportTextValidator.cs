using System.Globalization;
using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Submissions;

/// <summary>
/// Checks the two free texts of a submission, <c>difficulties</c> and <c>proposals</c>, beside
/// <see cref="ChecklistValidator"/>: each optional, trimmed and NFC-normalised, blank read as none, at most
/// <see cref="MaxLength"/> characters. Errors are keyed by the field's JSON name.
/// <para>
/// A character is a user-perceived one (a text element, an extended grapheme cluster), which is what the form's counter
/// shows and what a Vietnamese reader counts: "ệ" is one whether the keyboard (Unikey, Telex, VNI) sent it precomposed
/// or as "e" with two combining marks, and an emoji made of several code points is one too. After NFC every
/// Vietnamese letter is a single code point, so for Vietnamese text this is also the count of code points; UTF-16
/// units would count some emoji twice. Because one text element can hold any number of combining marks, the stored
/// length is capped as well (<see cref="MaxStoredLength"/> UTF-16 units, well inside a table property's 64 KiB), so no
/// text that passes can make the revision's batch too large.
/// </para>
/// </summary>
public static class ReportTextValidator
{
    public const int MaxLength = 4000;

    public const int MaxStoredLength = 16_000;

    public static (string? Difficulties, string? Proposals, IReadOnlyDictionary<string, IReadOnlyList<Message>> Errors) Validate(SubmissionRequest request)
    {
        var errors = new Dictionary<string, IReadOnlyList<Message>>();
        var difficulties = Check("difficulties", request.Difficulties, c => c.DifficultiesTooLong(MaxLength), errors);
        var proposals = Check("proposals", request.Proposals, c => c.ProposalsTooLong(MaxLength), errors);
        return (difficulties, proposals, errors);
    }

    /// <summary>The length the limit applies to: text elements (see the class's remarks).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    private static string? Check(string field, string? value, Message tooLong, Dictionary<string, IReadOnlyList<Message>> errors)
    {
        var text = TextRules.Normalize(value);
        if (text.Length == 0)
        {
            return null;
        }

        if (text.Length > MaxStoredLength || Length(text) > MaxLength)
        {
            errors[field] = [tooLong];
            return null;
        }

        if (TextRules.HasControlCharacters(text, allowLineBreaks: true))
        {
            errors[field] = [c => c.ReportTextHasControlCharacters()];
            return null;
        }

        return text;
    }
}
