using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace TetReadiness.Common;

/// <summary>
/// What a log line may say about people. Logs (Application Insights in Azure) are read more widely and kept longer
/// than the tables, so they name people by a pseudonym: <c>person-</c> and the first 10 hex digits of the SHA-256 of
/// the lower-cased address or name. The same person gets the same pseudonym in every line, so an incident can be
/// followed, and an operator who knows an address can compute its pseudonym to search for it; the <c>AuditLog</c>
/// table keeps who did what in full.
/// </summary>
public static partial class LogRedaction
{
    /// <summary>A stable pseudonym for an email address or a person's name.</summary>
    public static string Person(string? emailOrName)
    {
        if (string.IsNullOrWhiteSpace(emailOrName))
        {
            return "person-none";
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(emailOrName.Trim().ToLowerInvariant()));
        return "person-" + Convert.ToHexStringLower(digest)[..10];
    }

    /// <summary>
    /// A caller's identity as <c>Caller.Identity</c> gives it: the app itself, nobody and a unit link
    /// (<c>link:campaign/unit</c>, ids only) stay as they are; a signed-in person becomes their pseudonym.
    /// </summary>
    public static string Actor(string identity) =>
        identity is "system" or "anonymous" || identity.StartsWith("link:", StringComparison.Ordinal) ? identity : Person(identity);

    /// <summary>Free text from elsewhere (a SendGrid error body, a problem's detail) with every email address pseudonymised.</summary>
    public static string Emails(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : EmailAddress().Replace(text, match => Person(match.Value));

    // Looser than Emails.IsValid on purpose: anything that reads like an address in someone else's words.
    [GeneratedRegex(@"[^@\s""'<>,;:()\[\]{}]+@[^@\s""'<>,;:()\[\]{}]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
