using System.Net;
using System.Text.RegularExpressions;
using TetReadiness.LocalHost;

namespace TetReadiness.Tests.Hosting;

/// <summary>
/// Over real HTTP in local mode: every route any function offers for POST, PUT, PATCH or DELETE, found from the
/// functions' own attributes (so a function added tomorrow is covered without touching this test), and the admin
/// API refuse a request from another site with 403 problem+json.
/// </summary>
public sealed partial class LocalModeCrossSiteTests(LocalModeHostFixture host) : IClassFixture<LocalModeHostFixture>
{
    private static readonly string[] StateChangingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    public static TheoryData<string, string> StateChangingRoutes
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var function in FunctionCatalog.Discover(LocalFunctionsHost.FunctionsAssembly).Where(f => f.Trigger == FunctionTriggerKind.Http))
            {
                foreach (var method in function.HttpMethods!.Intersect(StateChangingMethods))
                {
                    data.Add(method, "/" + RouteParameter().Replace(function.Route!.Trim('/'), "x"));
                }
            }

            return data;
        }
    }

    [Fact]
    public void Discovery_finds_the_state_changing_routes()
    {
        Assert.Contains(StateChangingRoutes, row => (string)row[0] == "POST" && (string)row[1] == "/api/units/x/links/revoke");
        Assert.True(StateChangingRoutes.Count() >= 5);
    }

    [Theory]
    [MemberData(nameof(StateChangingRoutes))]
    public async Task Every_state_changing_route_refuses_a_foreign_origin(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await host.Http.SendAsync(request);

        await AssertRefusedAsync(response);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task The_admin_api_refuses_a_request_from_another_site(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/functions/ProjectionRepair");
        request.Headers.Add(header, value);

        using var response = await host.Http.SendAsync(request);

        await AssertRefusedAsync(response);
    }

    [Fact]
    public async Task The_admin_api_still_runs_a_function_for_curl_and_for_its_own_origin()
    {
        using var curl = await host.Http.PostAsync("/admin/functions/ProjectionRepair", null);
        using var ownPage = new HttpRequestMessage(HttpMethod.Post, "/admin/functions/ProjectionRepair");
        ownPage.Headers.Add("Origin", host.Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        ownPage.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var fromOwnPage = await host.Http.SendAsync(ownPage);

        Assert.Equal(HttpStatusCode.Accepted, curl.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fromOwnPage.StatusCode);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("from another site", body, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
