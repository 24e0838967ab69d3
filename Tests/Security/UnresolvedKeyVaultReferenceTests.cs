using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Reporting;

namespace TetReadiness.Tests.Security;

/// <summary>
/// When App Service cannot resolve a Key Vault reference the app sees its text, which is public (it is in the
/// template). Such a value is not a key: nobody may sign links or open the feed with it, and it is logged as an error.
/// </summary>
public sealed class UnresolvedKeyVaultReferenceTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-tetreadiness;SecretName=UnitLinkPrimaryKey)";
    private static readonly DateTimeOffset Now = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_link_signer_with_only_an_unresolved_reference_is_not_configured_and_says_so_once()
    {
        var logger = new Mock<ILogger<UnitLinkSigner>>();
        var signer = new UnitLinkSigner(Options.Create(new UnitLinkOptions { PrimaryKey = Reference }), logger.Object);

        Assert.False(signer.IsConfigured);
        Assert.False(signer.IsConfigured);
        Assert.Throws<InvalidOperationException>(() => signer.Sign(new UnitLink("tet-2024", "ba-dinh-ubnd", 0, Now.AddDays(1))));
        VerifyOneError(logger);
    }

    [Fact]
    public void A_link_signed_with_the_reference_text_is_refused_where_a_real_key_is_primary()
    {
        var signer = new UnitLinkSigner(Options.Create(new UnitLinkOptions { PrimaryKey = "real-key-0123456789abcdef0123456789", SecondaryKey = Reference }), NullLogger<UnitLinkSigner>.Instance);

        Assert.True(signer.IsConfigured);
        Assert.Null(signer.Verify(SignWithLiteral(Reference), Now).Link);
        Assert.NotNull(signer.Verify(signer.Sign(new UnitLink("tet-2024", "ba-dinh-ubnd", 0, Now.AddDays(1))), Now).Link);
    }

    [Fact]
    public void The_feed_with_only_an_unresolved_reference_is_off_and_the_reference_text_is_not_a_key()
    {
        var logger = new Mock<ILogger<FeedKeys>>();
        var keys = new FeedKeys(Options.Create(new FeedOptions { PrimaryKey = Reference, SecondaryKey = " " + Reference }), logger.Object);

        Assert.False(keys.IsConfigured);
        var refused = Assert.Throws<RefusalException>(() => keys.Require(Reference));
        Assert.Equal(401, refused.Status);
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Exactly(2));
    }

    [Fact]
    public void A_secondary_feed_key_still_works_beside_an_unresolved_primary()
    {
        var keys = new FeedKeys(Options.Create(new FeedOptions { PrimaryKey = Reference, SecondaryKey = "old-feed-key-0123456789" }), NullLogger<FeedKeys>.Instance);

        Assert.Equal(FeedKeySlot.Secondary, keys.Require("old-feed-key-0123456789"));
        Assert.Throws<RefusalException>(() => keys.Require(Reference));
    }

    private static string SignWithLiteral(string literal)
    {
        // What an attacker who read the template could do if the literal were used as the key.
        var payload = System.Text.Encoding.UTF8.GetBytes(string.Join('|', "1",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(literal)))[..8],
            "tet-2024", "ba-dinh-ubnd", "0", Now.AddDays(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var signature = System.Security.Cryptography.HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(literal), payload);
        static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return B64(payload) + "." + B64(signature);
    }

    private static void VerifyOneError<T>(Mock<ILogger<T>> logger) =>
        logger.Verify(l => l.Log(LogLevel.Error, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()), Times.Once);
}
