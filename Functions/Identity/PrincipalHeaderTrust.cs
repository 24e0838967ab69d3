using Microsoft.Extensions.Options;
using TetReadiness.Messages;
using TetReadiness.Platform;

namespace TetReadiness.Identity;

/// <summary>
/// Whether <c>X-MS-CLIENT-PRINCIPAL</c> can be believed. Easy Auth removes any copy a client sends and writes its own,
/// so where it is on the header is the signed-in user. <c>Auth__AllowClientPrincipalHeader=true</c> trusts the header
/// without Easy Auth, for a developer's machine and the tests; in Azure that would let anyone on the internet claim
/// any identity, so there the setting is refused (and reported: see <see cref="Misconfiguration"/>).
/// </summary>
public sealed class PrincipalHeaderTrust(IOptions<AuthOptions> options, AzurePlatform platform)
{
    public bool Trusted => platform.EasyAuthEnabled || (options.Value.AllowClientPrincipalHeader && !platform.IsAzure);

    /// <summary>Why the settings are wrong for where the app runs, or null when they are right.</summary>
    public Message? Misconfiguration => options.Value.AllowClientPrincipalHeader && platform.IsAzure
        ? c => c.PrincipalHeaderRefusedInAzure()
        : null;
}
