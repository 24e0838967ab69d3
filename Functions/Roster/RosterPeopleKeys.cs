using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace TetReadiness.Roster;

/// <summary>
/// Keys of <c>RosterPeople</c>. The partition is the lowercase email with what a table key may not hold escaped
/// (<c>/ \ # ?</c>, control characters, unpaired surrogates, and <c>%</c> itself, as <c>%XX</c> or <c>%uXXXX</c>),
/// so every email the roster accepts has a key of its own. The rare email whose escaped form would be longer than
/// <see cref="MaxReadableKeyLength"/> is keyed by its SHA-256 instead, marked with <c>~</c> (no escaped key can
/// start with it without an <c>@</c>, and a hash has none; the hash is of the UTF-16 code units, so nothing is lost).
/// </summary>
public static class RosterPeopleKeys
{
    /// <summary>Well under the 1 KiB a key may hold, in UTF-8 or UTF-16, for any email of at most 254 characters.</summary>
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
            else if (c is '%' or '/' or '\\' or '#' or '?' || char.IsControl(c))
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

    public static string Officer(string unitId) => RosterPersonEntity.OfficerRole + "|" + unitId;

    public static string Coordinator(string districtId) => RosterPersonEntity.CoordinatorRole + "|" + districtId;
}
