using System.Net;
using System.Text.RegularExpressions;
using TetReadiness.LocalHost;
using TetReadiness.Web;

namespace TetReadiness.Tests.Web;

/// <summary>The pages and assets as local mode serves them, with the routes, content types and headers the Functions host gets.</summary>
public sealed partial class WebRoutesTests(LocalModeFixture fixture) : IClassFixture<LocalModeFixture>
{
    [Theory]
    [InlineData("/", "/assets/form.js")]
    [InlineData("/form", "/assets/form.js")]
    [InlineData("/status", "/assets/status.js")]
    [InlineData("/status/admin", "/assets/admin.js")]
    public async Task Pages_are_served_at_the_root_as_html_that_is_revalidated_with_strict_security_headers(string path, string script)
    {
        var response = await fixture.App.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var policy = Header(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'self'; script-src 'self'; style-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"src=\"{script}?v={WebFiles.Shared.Version}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebFiles.VersionToken, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExternalUrl(), html);
    }

    [Fact]
    public async Task An_asset_asked_for_with_the_current_version_is_cached_for_a_year_and_otherwise_revalidated()
    {
        var versioned = await fixture.App.Http.GetAsync($"/assets/app.css?v={WebFiles.Shared.Version}");
        var unversioned = await fixture.App.Http.GetAsync("/assets/form.js");
        var stale = await fixture.App.Http.GetAsync("/assets/app.css?v=old");

        Assert.Equal("text/css; charset=utf-8", versioned.Content.Headers.ContentType?.ToString());
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal("text/javascript; charset=utf-8", unversioned.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", unversioned.Headers.CacheControl?.ToString());
        Assert.Equal("no-cache", stale.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(unversioned, "X-Content-Type-Options"));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/assets/form.js");
        revalidate.Headers.IfNoneMatch.Add(versioned.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await fixture.App.Http.SendAsync(revalidate)).StatusCode);
    }

    [Fact]
    public async Task Every_module_a_page_imports_is_asked_for_with_the_current_version()
    {
        foreach (var name in WebFiles.Shared.AssetNames.Where(n => n.EndsWith(".js", StringComparison.Ordinal)))
        {
            var script = await fixture.App.Http.GetStringAsync($"/assets/{name}");
            foreach (Match import in ModuleImport().Matches(script))
            {
                Assert.EndsWith($"?v={WebFiles.Shared.Version}", import.Groups[1].Value, StringComparison.Ordinal);
                Assert.Contains(import.Groups[1].Value[2..import.Groups[1].Value.IndexOf('?', StringComparison.Ordinal)], WebFiles.Shared.AssetNames);
            }
        }
    }

    [Theory]
    [InlineData("/assets/..%2Fform.html")]
    [InlineData("/assets/%2e%2e%2fhost.json")]
    [InlineData("/assets/..%5C..%5Chost.json")]
    [InlineData("/assets/form.html")]
    [InlineData("/assets/missing.js")]
    [InlineData("/assets/.hidden")]
    [InlineData("/admin")]
    [InlineData("/index.html")]
    public async Task Anything_but_a_shipped_page_or_asset_is_not_found(string path)
    {
        var response = await fixture.App.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_api_routes_are_untouched_by_the_page_routes()
    {
        var health = await fixture.App.Http.GetAsync("/api/health");
        var me = await fixture.App.Http.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.StartsWith("application/problem+json", me.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public void No_function_route_starts_with_admin_which_the_Functions_host_keeps_for_itself()
    {
        var routes = FunctionCatalog.Discover(typeof(WebFunctions).Assembly).Where(f => f.Route is not null).Select(f => f.Route!).ToList();

        Assert.Contains("{ignored:maxlength(0)?}", routes);
        Assert.DoesNotContain(routes, route => route.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    [GeneratedRegex("(?:src|href)=\"(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();

    [GeneratedRegex("from '(\\./[^']+)'")]
    private static partial Regex ModuleImport();
}
