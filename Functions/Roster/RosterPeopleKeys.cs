using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TetReadiness.Roster;

/// <summary>
/// Keys of <c>RosterPeople</c>. An email's key is the lowercase email with what a table key may not hold escaped
/// (<c>/ \ # ?</c>, control characters, unpaired surrogates), and <c>%</c> and the separator <c>|</c> too, as
/// <c>%XX</c> or <c>%uXXXX</c>, so every email the roster accepts has a key of its own and no key holds a <c>|</c>.
/// The rare email whose escaped form would be longer than <see cref="MaxReadableKeyLength"/> is keyed by its SHA-256
/// instead, marked with <c>~</c> (no escaped key can start with it without an <c>@</c>, and a hash has none; the hash
/// is of the UTF-16 code units, so nothing is lost). The rows of one email share the row key prefix
/// <c>{key}|</c> in one of 256 bucket partitions, so an import writes the index 100 rows to a request, not one
/// request per email, and a lookup is still one range query.
/// </summary>
public static class RosterPeopleKeys
{
    /// <summary>
    /// With <c>|coordinator|</c> and an id of at most 64 characters after it, a row key stays under the 1 KiB a key
    /// may hold, in UTF-8 or UTF-16, for any email of at most 254 characters.
    /// </summary>
    public const int MaxReadableKeyLength = 400;

    public static string ForEmail(string email)
    {
        var lower = email.ToLowerInvariant();
        var key = new StringBuilder(lower.Length + 8);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (char.IsHighSurrogate(c) && i + 1 < lower.Length && char.IsLowSurrogate(lower[i + 1]))
            {
                key.Append(c).Append(lower[++i]);
            }
            else if (c is '%' or '|' or '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                key.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else if (char.IsSurrogate(c))
            {
                key.Append("%u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(c);
            }
        }

        return key.Length <= MaxReadableKeyLength
            ? key.ToString()
            : "~" + Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(lower.AsSpan())));
    }

    /// <summary>
    /// The partition of an email's rows: <c>b</c> and the first two hex digits of the SHA-256 of its key (UTF-8),
    /// <c>b00</c> to <c>bff</c>, so a national roster's emails spread evenly and an import fills its batches.
    /// </summary>
    public static string Bucket(string emailKey)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(emailKey), hash);
        return "b" + hash[0].ToString("x2", CultureInfo.InvariantCulture);
    }

    /// <summary>What every row key of the email starts with; no other email's row key does, as no key holds a <c>|</c>.</summary>
    public static string Prefix(string emailKey) => emailKey + "|";

    public static string Officer(string emailKey, string unitId) => Prefix(emailKey) + RosterPersonEntity.OfficerRole + "|" + unitId;

    public static string Coordinator(string emailKey, string districtId) => Prefix(emailKey) + RosterPersonEntity.CoordinatorRole + "|" + districtId;
}
