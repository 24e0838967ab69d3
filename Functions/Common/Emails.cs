using System.Text.RegularExpressions;

namespace TetReadiness.Common;

/// <summary>Email lists as coordinators type them in Excel: separated by ';' (or ','), compared case-insensitively.</summary>
public static partial class Emails
{
    public static bool IsValid(string email) => email.Length <= 254 && EmailRegex().IsMatch(email);

    /// <summary>Splits, trims and lowercases; returns the invalid entries separately.</summary>
    public static (IReadOnlyList<string> Valid, IReadOnlyList<string> Invalid) Split(string? list)
    {
        var valid = new List<string>();
        var invalid = new List<string>();
        if (string.IsNullOrWhiteSpace(list))
        {
            return (valid, invalid);
        }

        foreach (var part in list.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var email = part.ToLowerInvariant();
            if (!IsValid(email))
            {
                invalid.Add(part);
            }
            else if (!valid.Contains(email))
            {
                valid.Add(email);
            }
        }

        return (valid, invalid);
    }

    public static string Join(IEnumerable<string> emails) => string.Join(';', emails);

    public static IReadOnlyList<string> Parse(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split(';', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^[^@\s;,<>""]+@[^@\s;,<>""]+\.[^@\s;,<>""]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailRegex();
}
