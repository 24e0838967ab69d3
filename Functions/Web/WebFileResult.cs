using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TetReadiness.Messages;

namespace TetReadiness.Web;

/// <summary>
/// Writes a page or an asset with the headers every web response carries: content type, caching, a strict
/// Content-Security-Policy (nothing but this app: no inline script or style, no CDN, no framing), nosniff and
/// no-referrer (a unit link in the address must never leak). Answers 304 to a matching <c>If-None-Match</c>.
/// </summary>
public sealed class WebFileResult(WebFile? file, string version, bool versioned) : IActionResult
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Pages are revalidated on every visit; an asset asked for with the current version is kept a year.</summary>
    public string CacheControl => file is { IsPage: false } && versioned ? "public, max-age=31536000, immutable" : "no-cache";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XFrameOptions] = "DENY";
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            response.Headers[HeaderNames.CacheControl] = "no-store";
            // A page, not an API: the title alone, in the language the browser asks for.
            var language = LanguagePreference.From(request.Headers.AcceptLanguage.ToString());
            response.Headers[HeaderNames.ContentLanguage] = LanguagePreference.TagOf(language);
            await response.WriteAsync(MessageCatalogs.For(language).Title(RefusalKind.NotFound) + ".", context.HttpContext.RequestAborted);
            return;
        }

        var etag = $"\"{version}\"";
        response.Headers[HeaderNames.CacheControl] = CacheControl;
        response.Headers[HeaderNames.ETag] = etag;
        response.Headers[HeaderNames.Vary] = "Accept-Encoding";
        if (request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(file.Content, context.HttpContext.RequestAborted);
        }
    }
}
