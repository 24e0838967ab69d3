using System.Net;
using TetReadiness.Messages;
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

    [Theory]
    [InlineData(null, Language.Vietnamese)]
    [InlineData("en", Language.English)]
    [InlineData("en-US,en;q=0.9,vi;q=0.8", Language.English)]
    public async Task A_405_is_in_the_language_the_request_asks_for(string? acceptLanguage, Language language)
    {
        // A client of its own: the fixture's asks for English on every request.
        using var client = new HttpClient { BaseAddress = host.Http.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/roster");
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal([LanguagePreference.TagOf(language)], response.Content.Headers.ContentLanguage);
        var catalog = MessageCatalogs.For(language);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(catalog.Title(RefusalKind.MethodNotAllowed), problem.GetProperty("title").GetString());
        Assert.Equal(catalog.MethodNotAllowed("DELETE", string.Join(", ", response.Content.Headers.Allow)), problem.GetProperty("detail").GetString());
    }
}
