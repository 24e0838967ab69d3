using System.Net;
using TetReadiness.Tests.Hosting;

namespace TetReadiness.Tests.Security;

/// <summary>
/// A method a route does not take cannot reach a function class, so it is tested over HTTP in local mode: 405 as
/// problem+json with an <c>Allow</c> header, and nothing written. (Behind the Functions host itself it is a 404.)
/// </summary>
public sealed class WrongMethodTests(LocalModeHostFixture host) : IClassFixture<LocalModeHostFixture>
{
    [Theory]
    [InlineData("DELETE", "/api/campaigns/tet-2024/units/ba-dinh-ubnd/submission")]
    [InlineData("POST", "/api/campaigns/tet-2024/units/ba-dinh-ubnd/submission")]
    [InlineData("PATCH", "/api/campaigns/tet-2024")]
    [InlineData("DELETE", "/api/roster")]
    [InlineData("GET", "/api/units/ba-dinh-ubnd/links/revoke")]
    [InlineData("PUT", "/api/health")]
    [InlineData("DELETE", "/api/campaigns/tet-2024/links")]
    public async Task A_wrong_method_on_an_existing_route_is_a_405_problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(response.Content.Headers.Allow);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
    }
}
