using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Identity;

/// <summary>
/// Signs and verifies unit links: <c>base64url(1|keyId|campaign|unit|generation|expiresUnix)</c> "." <c>base64url(HMAC-SHA256)</c>.
/// The key id is derived from the key, so rotating keys needs no extra setting. Revocation is the unit's generation:
/// a link minted before the last revocation carries an older one. A value that is still an unresolved Key Vault
/// reference (<c>@Microsoft.KeyVault(...)</c>: App Service could not read the secret) is not a key: signing with that
/// guessable literal would let anyone mint links, so it counts as not configured and is logged as an error once.
/// </summary>
public sealed class UnitLinkSigner(IOptions<UnitLinkOptions> options, ILogger<UnitLinkSigner> logger)
{
    private const string Version = "1";

    private readonly IReadOnlyList<(string Id, byte[] Key)> keys = ReadKeys(options.Value, logger);

    public bool IsConfigured => Keys().Any();

    public string Sign(UnitLink link)
    {
        var (keyId, key) = Keys().FirstOrDefault();
        if (key is null)
        {
            throw new InvalidOperationException("No unit-link signing key is configured (UnitLinks__PrimaryKey).");
        }

        var payload = string.Join('|', Version, keyId, link.CampaignId, link.UnitId, link.Generation.ToString(CultureInfo.InvariantCulture),
            link.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var payloadBytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(payloadBytes) + "." + Base64Url(HMACSHA256.HashData(key, payloadBytes));
    }

    /// <summary>The link, or why it is refused (never which part of a forged signature was wrong).</summary>
    public (UnitLink? Link, Message? Refusal) Verify(string? token, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512)
        {
            return (null, c => c.LinkInvalid());
        }

        var parts = token.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } payloadBytes || FromBase64Url(parts[1]) is not { } signature)
        {
            return (null, c => c.LinkInvalid());
        }

        string payload;
        try
        {
            payload = new UTF8Encoding(false, true).GetString(payloadBytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, c => c.LinkInvalid());
        }

        var fields = payload.Split('|');
        if (fields.Length != 6 || fields[0] != Version)
        {
            return (null, c => c.LinkInvalid());
        }

        var key = Keys().FirstOrDefault(k => k.Id == fields[1]).Key;
        if (key is null || !CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payloadBytes), signature))
        {
            return (null, c => c.LinkTampered());
        }

        if (!Ids.IsValid(fields[2]) || !Ids.IsValid(fields[3])
            || !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var generation)
            || !long.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (null, c => c.LinkInvalid());
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expires);
        return now >= expiresAt
            ? (null, c => c.LinkExpired())
            : (new UnitLink(fields[2], fields[3], generation, expiresAt), null);
    }

    private IEnumerable<(string Id, byte[] Key)> Keys() => keys;

    private static List<(string Id, byte[] Key)> ReadKeys(UnitLinkOptions options, ILogger logger)
    {
        var keys = new List<(string Id, byte[] Key)>();
        foreach (var (name, secret) in new[] { (nameof(options.PrimaryKey), options.PrimaryKey), (nameof(options.SecondaryKey), options.SecondaryKey) })
        {
            if (KeyVaultReferences.IsUnresolved(secret))
            {
                logger.LogError("UnitLinks__{Setting} is an unresolved Key Vault reference; it is ignored and links signed with it are refused. Check the app's access to the vault.", name);
            }
            else if (!string.IsNullOrWhiteSpace(secret))
            {
                var key = Encoding.UTF8.GetBytes(secret);
                keys.Add((Convert.ToHexStringLower(SHA256.HashData(key))[..8], key));
            }
        }

        return keys;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length == 0 || text.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            return null;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
