using TetReadiness.Reporting;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Security;

/// <summary>No identity (no principal, no link) is answered 401 everywhere except the health probe and the feed, which has its own key.</summary>
public sealed class AnonymousAccessTests(ReportedAppFixture fixture) : IClassFixture<ReportedAppFixture>
{
    private readonly TestApp app = fixture.App;

    public static TheoryData<string> Functions => new(Api.Functions);

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task Every_api_refuses_a_caller_without_identity_with_401(string function)
    {
        var (method, _) = Api.RouteOf(function, "tet-2024", "ba-dinh-ubnd");
        var body = function switch
        {
            "ImportRoster" => Seed.RosterCsv,
            "PutCampaign" => System.Text.Json.JsonSerializer.Serialize(Seed.Campaign(), TetReadiness.Http.ApiJson.Options),
            _ => method == "GET" ? null : Api.AnswersJson,
        };

        await ProblemAssert.RefusedAsync(app, 401, "Sign in", () =>
            Api.CallAsync(app, function, body: body, contentType: function == "ImportRoster" ? "text/csv" : "application/json", headers: AsCaller.Nobody));
    }

    [Fact]
    public async Task The_health_probe_answers_anyone()
    {
        var response = await Api.CallAsync(app, "Health", headers: AsCaller.Nobody);

        Assert.True(response.Status == 200, response.Body);
        Assert.Equal("healthy", response.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_feed_needs_its_own_key_not_a_principal()
    {
        var feed = app.Create<FeedFunctions>();

        var withKey = await HttpCall.RunAsync(HttpCall.Request("GET", "/api/feed/units?key=" + ReportedAppFixture.FeedKey, headers: AsCaller.Nobody), r => feed.GetFeed(r, "units", CancellationToken.None));
        var coordinatorWithoutKey = await HttpCall.RunAsync(HttpCall.Request("GET", "/api/feed/units", headers: AsCaller.CityCoordinator), r => feed.GetFeed(r, "units", CancellationToken.None));

        Assert.True(withKey.Status == 200, withKey.Body);
        ProblemAssert.Is(coordinatorWithoutKey, 401, "key");
    }
}
