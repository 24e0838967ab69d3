using Microsoft.AspNetCore.Http;

namespace TetReadiness.Http;

/// <summary>
/// Refuses a request that would change data when a browser says it was sent by another site: its <c>Origin</c> is
/// not the app's own (<c>App__PublicBaseUrl</c>, or the scheme and host the request itself was sent to), or it is
/// marked <c>Sec-Fetch-Site: cross-site</c>. Without this, any page a signed-in coordinator visits could post a form
/// to, say, <c>/api/units/{u}/links/revoke</c>, and the browser would send the Easy Auth cookie along. Requests without
/// <c>Origin</c> (curl, Power BI, scripts) are not browsers acting for someone else and pass. <c>Origin: null</c>
/// (sandboxed frames, <c>file:</c> pages) is not the app's origin. Reads are never refused here.
/// </summary>
public static class CrossSiteRequests
{
    public static bool IsRefused(HttpRequest request, string? publicBaseUrl) => IsRefused(
        request.Method,
        request.Headers.Origin.Count > 0 ? request.Headers.Origin.ToString() : null,
        request.Headers["Sec-Fetch-Site"].ToString(),
        request.Scheme,
        request.Host.Value,
        publicBaseUrl);

    public static bool IsRefused(string method, string? origin, string? fetchSite, string? requestScheme, string? requestHost, string? publicBaseUrl)
    {
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return false;
        }

        if (string.Equals(fetchSite?.Trim(), "cross-site", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(origin))
        {
            return false;
        }

        return !SameOrigin(origin, publicBaseUrl) && !SameOrigin(origin, $"{requestScheme}://{requestHost}");
    }

    /// <summary>Same scheme, host and port (a default port written or not), as browsers compare origins.</summary>
    private static bool SameOrigin(string origin, string? own) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var theirs)
        && Uri.TryCreate(own, UriKind.Absolute, out var ours)
        && (theirs.Scheme == Uri.UriSchemeHttps || theirs.Scheme == Uri.UriSchemeHttp)
        && theirs.UserInfo.Length == 0
        && theirs.Scheme == ours.Scheme
        && string.Equals(theirs.IdnHost, ours.IdnHost, StringComparison.OrdinalIgnoreCase)
        && theirs.Port == ours.Port;
}
