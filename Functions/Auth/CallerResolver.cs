using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TetReadiness.Auth;

/// <summary>
/// Works out who is calling, in one place for every HTTP function and under both hosts. <c>X-MS-CLIENT-PRINCIPAL</c>
/// is trusted only where Easy Auth guarantees it (in Azure with authentication enabled; locally only when
/// <c>Auth__AllowClientPrincipalHeader=true</c>); anywhere else a forged header is ignored. A unit link comes as
/// <c>?t=</c> or header <c>X-Unit-Link</c> (not <c>Authorization</c>, which Easy Auth claims for itself).
/// </summary>
public sealed class CallerResolver(IOptions<AuthOptions> options, IConfiguration configuration, UnitLinkSigner links, TimeProvider clock)
{
    public const string LinkHeader = "X-Unit-Link";
    public const string LinkQuery = "t";

    /// <summary>App Service sets this when App Service Authentication is on for the app.</summary>
    private bool EasyAuthEnabled =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]);

    public bool TrustsPrincipalHeader => options.Value.AllowClientPrincipalHeader || EasyAuthEnabled;

    public Caller Identify(HttpRequest request)
    {
        ClientPrincipal? principal = null;
        if (TrustsPrincipalHeader && request.Headers.TryGetValue(ClientPrincipalParser.HeaderName, out var header))
        {
            ClientPrincipalParser.TryParse(header.ToString(), out principal);
        }

        UnitLink? link = null;
        string? refusal = null;
        var token = request.Headers.TryGetValue(LinkHeader, out var linkHeader) ? linkHeader.ToString() : request.Query[LinkQuery].ToString();
        if (!string.IsNullOrEmpty(token))
        {
            (link, refusal) = links.Verify(token, clock.GetUtcNow());
        }

        return new Caller(principal, link, refusal, request.HttpContext.Connection.RemoteIpAddress?.ToString());
    }
}
