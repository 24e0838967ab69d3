using Microsoft.AspNetCore.Http;
using TetReadiness.Http;
using TetReadiness.Messages;
using TetReadiness.Platform;

namespace TetReadiness.Identity;

/// <summary>
/// Works out who is calling, in one place for every HTTP function and under both hosts. <c>X-MS-CLIENT-PRINCIPAL</c>
/// is read only where <see cref="PrincipalHeaderTrust"/> says it can be believed; anywhere else a forged header is
/// ignored. A unit link comes as <c>?t=</c> or header <c>X-Unit-Link</c> (not <c>Authorization</c>, which Easy Auth
/// claims for itself). The source address for the audit log is the one <see cref="ClientAddress"/> trusts.
/// </summary>
public sealed class CallerResolver(PrincipalHeaderTrust headerTrust, AzurePlatform platform, UnitLinkSigner links, TimeProvider clock)
{
    public const string LinkHeader = "X-Unit-Link";
    public const string LinkQuery = "t";

    public bool TrustsPrincipalHeader => headerTrust.Trusted;

    public Caller Identify(HttpRequest request)
    {
        ClientPrincipal? principal = null;
        if (TrustsPrincipalHeader && request.Headers.TryGetValue(ClientPrincipalParser.HeaderName, out var header))
        {
            ClientPrincipalParser.TryParse(header.ToString(), out principal);
        }

        UnitLink? link = null;
        Message? refusal = null;
        var token = request.Headers.TryGetValue(LinkHeader, out var linkHeader) ? linkHeader.ToString() : request.Query[LinkQuery].ToString();
        if (!string.IsNullOrEmpty(token))
        {
            (link, refusal) = links.Verify(token, clock.GetUtcNow());
        }

        return new Caller(principal, link, refusal, ClientAddress.Of(request, platform.IsAppService));
    }
}
