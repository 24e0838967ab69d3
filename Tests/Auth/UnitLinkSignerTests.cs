using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TetReadiness.Identity;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Auth;

public sealed class UnitLinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly UnitLink Link = new("tet-2024", "ba-dinh-ubnd", 0, Now.AddDays(10));

    [Fact]
    public void A_signed_link_verifies_to_what_it_was_signed_for()
    {
        var signer = Signer("key-one-0123456789abcdef0123456789");

        var (verified, refusal) = signer.Verify(signer.Sign(Link), Now);

        Assert.Null(refusal);
        Assert.Equal(Link with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(Link.ExpiresAt.ToUnixTimeSeconds()) }, verified);
    }

    [Fact]
    public void A_tampered_link_is_refused()
    {
        var signer = Signer("key-one-0123456789abcdef0123456789");
        var token = signer.Sign(Link);
        var other = signer.Sign(Link with { UnitId = "hoan-kiem-ubnd" });
        var forged = other.Split('.')[0] + "." + token.Split('.')[1];

        Assert.Null(signer.Verify(forged, Now).Link);
        Assert.Null(signer.Verify(token[..^2] + (token[^2] == 'A' ? "BB" : "AA"), Now).Link);
        Assert.Null(signer.Verify(token + ".x", Now).Link);
    }

    [Fact]
    public void An_expired_link_is_refused_with_a_reason()
    {
        var signer = Signer("key-one-0123456789abcdef0123456789");

        var (link, refusal) = signer.Verify(signer.Sign(Link), Link.ExpiresAt.AddSeconds(1));

        Assert.Null(link);
        Assert.Contains("expired", refusal.InBothLanguagesOrNull());
    }

    [Fact]
    public void Keys_rotate_old_links_work_while_the_old_key_is_secondary_and_stop_when_it_is_removed()
    {
        var before = Signer("old-key-0123456789abcdef0123456789");
        var token = before.Sign(Link);

        Assert.NotNull(Signer("new-key-0123456789abcdef0123456789", "old-key-0123456789abcdef0123456789").Verify(token, Now).Link);
        Assert.Null(Signer("new-key-0123456789abcdef0123456789").Verify(token, Now).Link);
    }

    [Fact]
    public void A_link_signed_with_another_key_is_refused()
    {
        var token = Signer("attacker-key-0123456789abcdef012345").Sign(Link);

        Assert.Null(Signer("key-one-0123456789abcdef0123456789").Verify(token, Now).Link);
    }

    private static UnitLinkSigner Signer(string primary, string? secondary = null) =>
        new(Options.Create(new UnitLinkOptions { PrimaryKey = primary, SecondaryKey = secondary }), NullLogger<UnitLinkSigner>.Instance);
}
