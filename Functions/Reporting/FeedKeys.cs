using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Common;
using TetReadiness.Messages;

namespace TetReadiness.Reporting;

/// <summary>
/// Checks the key a feed request presents against the primary and the secondary key. Both are always compared,
/// over SHA-256 digests of equal length, so the time taken says nothing about either key. A value that is still an
/// unresolved Key Vault reference (<c>@Microsoft.KeyVault(...)</c>) is a guessable literal, not a key: it counts as
/// not configured and is logged as an error once.
/// </summary>
public sealed class FeedKeys(IOptions<FeedOptions> options, ILogger<FeedKeys> logger)
{
    public const string QueryParameter = "key";

    private readonly byte[]? primary = Digest(nameof(FeedOptions.PrimaryKey), options.Value.PrimaryKey, logger);
    private readonly byte[]? secondary = Digest(nameof(FeedOptions.SecondaryKey), options.Value.SecondaryKey, logger);

    public bool IsConfigured => primary is not null || secondary is not null;

    /// <summary>The slot of the key presented, or a 401 problem saying why it was refused.</summary>
    public FeedKeySlot Require(string? presented)
    {
        if (!IsConfigured)
        {
            throw Refusal.NotSignedIn(c => c.FeedOff());
        }

        if (string.IsNullOrEmpty(presented))
        {
            throw Refusal.NotSignedIn(c => c.FeedKeyMissing(QueryParameter));
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var matchesPrimary = Matches(digest, primary);
        var matchesSecondary = Matches(digest, secondary);
        return matchesPrimary ? FeedKeySlot.Primary
            : matchesSecondary ? FeedKeySlot.Secondary
            : throw Refusal.NotSignedIn(c => c.FeedKeyInvalid());
    }

    private static bool Matches(byte[] digest, byte[]? configured) =>
        CryptographicOperations.FixedTimeEquals(digest, configured ?? new byte[SHA256.HashSizeInBytes]) && configured is not null;

    // Key Vault values pasted with a trailing newline must still work.
    private static byte[]? Digest(string setting, string? key, ILogger logger)
    {
        if (KeyVaultReferences.IsUnresolved(key))
        {
            logger.LogError("Feed__{Setting} is an unresolved Key Vault reference; it is ignored. Check the app's access to the vault.", setting);
            return null;
        }

        return string.IsNullOrWhiteSpace(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()));
    }
}
