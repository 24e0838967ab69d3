using System.Text;

namespace TetReadiness.Common;

/// <summary>Text as people type it: normalised to Unicode NFC, and checked for what must never be stored.</summary>
public static class TextRules
{
    public static string Normalize(string? text) => (text ?? string.Empty).Trim().Normalize(NormalizationForm.FormC);

    /// <summary>Control characters other than line breaks and tabs have no place in names or notes.</summary>
    public static bool HasControlCharacters(string text, bool allowLineBreaks) =>
        text.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    /// <summary>A cell Excel would run as a formula when the CSV is opened again.</summary>
    public static bool LooksLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@';
}
