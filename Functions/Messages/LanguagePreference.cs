using System.Globalization;
using System.Text.RegularExpressions;

namespace TetReadiness.Messages;

/// <summary>
/// Picks the language of a response from <c>Accept-Language</c> (RFC 9110 §12.5.4): English only when an <c>en</c>
/// range weighs more than every <c>vi</c> range; a tie, no header, <c>*</c> or a header that cannot be read means
/// Vietnamese. A <c>*</c> range stands in for whichever of the two the header does not name. Elements that are not
/// well formed are skipped, not guessed at.
/// </summary>
public static partial class LanguagePreference
{
    public static Language From(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return Language.Vietnamese;
        }

        double? english = null;
        double? vietnamese = null;
        double? wildcard = null;
        foreach (var element in acceptLanguage.Split(','))
        {
            if (!TryParse(element, out var range, out var weight))
            {
                continue;
            }

            if (range == "*")
            {
                wildcard = Math.Max(wildcard ?? 0, weight);
            }
            else if (HasPrimaryTag(range, "en"))
            {
                english = Math.Max(english ?? 0, weight);
            }
            else if (HasPrimaryTag(range, "vi"))
            {
                vietnamese = Math.Max(vietnamese ?? 0, weight);
            }
        }

        return (english ?? wildcard ?? 0) > (vietnamese ?? wildcard ?? 0) ? Language.English : Language.Vietnamese;
    }

    /// <summary>The tag for <c>Content-Language</c>.</summary>
    public static string TagOf(Language language) => language == Language.English ? "en" : "vi";

    private static bool TryParse(string element, out string range, out double weight)
    {
        var parts = element.Split(';');
        range = parts[0].Trim();
        weight = 1;
        if (!LanguageRange().IsMatch(range))
        {
            return false;
        }

        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length != 2 || !pair[0].Trim().Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = pair[1].Trim();
            if (!QValue().IsMatch(value))
            {
                return false;
            }

            weight = double.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        return true;
    }

    private static bool HasPrimaryTag(string range, string tag) =>
        range.Split('-')[0].Equals(tag, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageRange();

    [GeneratedRegex(@"^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex QValue();
}
