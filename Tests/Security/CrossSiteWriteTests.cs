using System.Text.Json;
using TetReadiness.Http;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>
/// A page on another site cannot make a signed-in coordinator's browser change data: every state-changing function
/// refuses a foreign <c>Origin</c> (or <c>Sec-Fetch-Site: cross-site</c>) with 403 and writes nothing, while requests
/// without <c>Origin</c> (curl, Power BI, scripts) and from the app's own pages keep working. The app's own origin is
/// <c>App__PublicBaseUrl</c> (<c>http://localhost:7071</c> in tests) or the request's own scheme and host.
/// </summary>
public sealed class CrossSiteWriteTests(SeededAppFixture fixture) : IClassFixture<SeededAppFixture>
{
    private const string RefusalDetail = "from another site";

    private readonly TestApp app = fixture.App;

    /// <summary>Every function of <see cref="Api.Functions"/> that is not a read.</summary>
    public static string[] StateChangingFunctions { get; } = Api.Functions.Where(f => Api.RouteOf(f, "c", "u").Method != "GET").ToArray();

    public static TheoryData<string> StateChanging => new(StateChangingFunctions);

    public static TheoryData<string, string> StateChangingFromForeignOrigins
    {
        get
        {
            var data = new TheoryData<string, string>();
            string[] origins =
            [
                "https://evil.example",
                "null", // sandboxed frames, file: pages and some redirects
                "http://localhost:7072", // another port is another origin
                "https://localhost:7071", // so is another scheme
                "http://localhost.evil.example:7071",
                "http://localhost:7071.evil.example",
            ];
            foreach (var function in StateChangingFunctions)
            {
                foreach (var origin in origins)
                {
                    data.Add(function, origin);
                }
            }

            return data;
        }
    }

    [Fact]
    public void The_state_changing_functions_are_the_ones_expected()
    {
        // Guards the theories below against silently covering nothing.
        Assert.Equal(["PutSubmission", "PutCampaign", "ImportRoster", "MintUnitLink", "RevokeUnitLinks", "AddUnitNote", "RemindUnit", "PutUnitDeadline", "DeleteUnitDeadline"], StateChangingFunctions);
    }

    [Theory]
    [MemberData(nameof(StateChangingFromForeignOrigins))]
    public async Task A_state_changing_request_from_a_foreign_origin_is_refused_with_403_and_writes_nothing(string function, string origin)
    {
        await ProblemAssert.RefusedAsync(app, 403, RefusalDetail, () => CallAsync(app, function, new() { ["Origin"] = origin }));
    }

    [Theory]
    [MemberData(nameof(StateChanging))]
    public async Task A_state_changing_request_the_browser_marks_cross_site_is_refused_even_without_origin(string function)
    {
        await ProblemAssert.RefusedAsync(app, 403, RefusalDetail, () => CallAsync(app, function, new() { ["Sec-Fetch-Site"] = "cross-site" }));
    }

    [Theory]
    [MemberData(nameof(StateChanging))]
    public async Task A_foreign_origin_is_refused_before_identity_is_even_looked_at(string function)
    {
        await ProblemAssert.RefusedAsync(app, 403, RefusalDetail, () => CallAsync(app, function, new() { ["Origin"] = "https://evil.example", [HttpCall.PrincipalHeader] = HttpCall.Anonymous }));
    }

    [Fact]
    public async Task Reads_from_a_foreign_origin_are_not_refused()
    {
        var response = await Api.CallAsync(app, "GetCampaign", headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example", ["Sec-Fetch-Site"] = "cross-site" });

        Assert.True(response.Status == 200, response.Body);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("http://localhost:7071", "same-origin")]
    [InlineData("HTTP://LOCALHOST:7071", null)]
    [InlineData("https://readiness.hanoi.example", "same-origin")] // the request's own scheme and host
    [InlineData(null, "none")]
    public async Task Requests_without_origin_and_from_the_apps_own_origin_keep_working(string? origin, string? fetchSite)
    {
        await using var own = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(own);
        var headers = new Dictionary<string, string>();
        if (origin is not null)
        {
            headers["Origin"] = origin;
        }

        if (fetchSite is not null)
        {
            headers["Sec-Fetch-Site"] = fetchSite;
        }

        foreach (var function in StateChangingFunctions)
        {
            var response = await CallAsync(own, function, headers);
            Assert.True(response.Status is >= 200 and < 300, $"{function}: {response.Status} {response.Body}");
        }
    }

    /// <summary>A request the function would accept from its own page, over https on the app's public host name.</summary>
    private static Task<HttpResponseSnapshot> CallAsync(TestApp app, string function, Dictionary<string, string> headers)
    {
        // A unit that has not reported by then (PutSubmission comes first) can be reminded.
        var unitId = function == "RemindUnit" ? "ba-dinh-ttyt" : "ba-dinh-ubnd";
        var (method, path) = Api.RouteOf(function, "tet-2024", unitId);
        var (body, contentType) = function switch
        {
            "PutSubmission" => (Api.AnswersJson, "application/json"),
            "PutCampaign" => (JsonSerializer.Serialize(Seed.Campaign(), ApiJson.Options), "application/json"),
            "ImportRoster" => (Seed.RosterCsv, "text/csv"),
            "MintUnitLink" or "RevokeUnitLinks" or "RemindUnit" or "DeleteUnitDeadline" => ((string?)null, (string?)null),
            "AddUnitNote" => ("{\"text\":\"Đã gọi đ/c Lan\"}", "application/json"),
            "PutUnitDeadline" => ("{\"deadline\":\"2024-02-05\",\"reason\":\"Mất điện\"}", "application/json"),
            _ => throw new ArgumentException($"No request body known for {function}; add one here.", nameof(function)),
        };
        var request = HttpCall.Request(method, path, body, contentType, headers);
        request.Scheme = "https";
        request.Host = new Microsoft.AspNetCore.Http.HostString("readiness.hanoi.example");
        return Api.RunAsync(app, function, request, "tet-2024", unitId);
    }
}
