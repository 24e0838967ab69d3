using TetReadiness.Http;

namespace TetReadiness.Tests.Http;

/// <summary>
/// The cross-site rule on its own: which requests a browser sent for another site, judged from <c>Origin</c> and
/// <c>Sec-Fetch-Site</c> against the app's public address and the request's own scheme and host.
/// </summary>
public sealed class CrossSiteRequestsTests
{
    private const string PublicBaseUrl = "https://sansangtet.hanoi.gov.vn";

    private static bool Refused(string method = "POST", string? origin = null, string? fetchSite = null, string scheme = "https", string host = "func-tetreadiness.azurewebsites.net", string? publicBaseUrl = PublicBaseUrl) =>
        CrossSiteRequests.IsRefused(method, origin, fetchSite, scheme, host, publicBaseUrl);

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("PROPFIND")]
    public void A_foreign_origin_is_refused_for_every_method_that_is_not_a_read(string method)
    {
        Assert.True(Refused(method, origin: "https://evil.example"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public void Reads_are_never_refused(string method)
    {
        Assert.False(Refused(method, origin: "https://evil.example", fetchSite: "cross-site"));
    }

    [Theory]
    [InlineData("https://sansangtet.hanoi.gov.vn")]
    [InlineData("https://SanSangTet.Hanoi.Gov.VN")]
    [InlineData("https://sansangtet.hanoi.gov.vn:443")]
    [InlineData("https://func-tetreadiness.azurewebsites.net")]
    public void The_public_address_and_the_requests_own_host_are_the_apps_origin(string origin)
    {
        Assert.False(Refused(origin: origin, fetchSite: "same-origin"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("http://sansangtet.hanoi.gov.vn")]
    [InlineData("https://sansangtet.hanoi.gov.vn:8443")]
    [InlineData("https://hanoi.gov.vn")]
    [InlineData("https://evil.sansangtet.hanoi.gov.vn")]
    [InlineData("https://sansangtet.hanoi.gov.vn.evil.example")]
    [InlineData("https://other-app.azurewebsites.net")]
    [InlineData("https://evil@sansangtet.hanoi.gov.vn")]
    [InlineData("file://")]
    [InlineData("not an origin")]
    [InlineData("https://sansangtet.hanoi.gov.vn, https://evil.example")]
    public void Anything_else_is_another_origin(string origin)
    {
        Assert.True(Refused(origin: origin));
    }

    [Fact]
    public void Ports_count_locally_too()
    {
        Assert.False(Refused(origin: "http://localhost:7071", scheme: "http", host: "localhost:7071", publicBaseUrl: "http://localhost:7071"));
        Assert.False(Refused(origin: "http://127.0.0.1:7071", scheme: "http", host: "127.0.0.1:7071", publicBaseUrl: "http://localhost:7071"));
        Assert.True(Refused(origin: "http://localhost:3000", scheme: "http", host: "localhost:7071", publicBaseUrl: "http://localhost:7071"));
    }

    [Fact]
    public void Behind_the_front_end_the_public_address_is_what_matches_when_the_request_looks_internal()
    {
        // The worker may see the Functions host's hop (http, an internal host); App__PublicBaseUrl names the real one.
        Assert.False(Refused(origin: PublicBaseUrl, scheme: "http", host: "localhost:5555"));
        Assert.True(Refused(origin: PublicBaseUrl, scheme: "http", host: "localhost:5555", publicBaseUrl: null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(null, "none")]
    [InlineData(null, "same-origin")]
    [InlineData(null, "same-site")]
    public void Requests_without_an_origin_pass(string? origin, string? fetchSite)
    {
        // curl, Power BI and scripts send no Origin; a browser's own navigation says "none".
        Assert.False(Refused(origin: origin, fetchSite: fetchSite));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(PublicBaseUrl)]
    public void A_request_the_browser_marks_cross_site_is_refused_whatever_its_origin_says(string? origin)
    {
        Assert.True(Refused(origin: origin, fetchSite: "cross-site"));
        Assert.True(Refused(origin: origin, fetchSite: "Cross-Site"));
    }
}
