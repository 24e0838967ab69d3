using System.Text.Json;
using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Status;

/// <summary><c>GET /api/campaigns/{id}/units</c>: what the dashboard lists per area, the roster the campaign counts.</summary>
public sealed class CampaignUnitsTests
{
    private static readonly string WithoutBaVi = string.Join('\n', Seed.RosterCsv.Split('\n').Where(line => !line.StartsWith("ba-vi,", StringComparison.Ordinal)));

    private static Task<HttpResponseSnapshot> UnitsAsync(TestApp app, string campaignId, string? principal = null) => HttpCall.RunAsync(
        HttpCall.Request("GET", $"/api/campaigns/{campaignId}/units", contentType: null,
            headers: principal is null ? null : new Dictionary<string, string> { [HttpCall.PrincipalHeader] = principal }),
        r => app.Create<StatusFunctions>().GetCampaignUnits(r, campaignId, CancellationToken.None));

    private static List<(string Area, string Unit)> Listed(JsonElement view) =>
        [.. view.GetProperty("areas").EnumerateArray().SelectMany(a => a.GetProperty("units").EnumerateArray()
            .Select(u => (a.GetProperty("districtId").GetString()!, u.GetProperty("unitId").GetString()!)))];

    [Fact]
    public async Task A_closed_campaign_lists_the_units_it_closed_with_and_an_open_one_today_s_roster()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);
        await Seed.RosterAndCampaignAsync(app, "kiem-tra-2024", Seed.Campaign(opensAt: "2024-01-15", deadline: "2024-12-31"));
        app.Clock.Set(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        await app.Get<RosterImporter>().ImportAsync(WithoutBaVi, null, dryRun: false, Caller.System, CancellationToken.None);

        var closed = await UnitsAsync(app, "tet-2024");
        var open = await UnitsAsync(app, "kiem-tra-2024");

        Assert.Equal(200, closed.Status);
        Assert.Contains(("ba-vi", "ba-vi-ubnd"), Listed(closed.Json));
        Assert.Equal(4, closed.Json.GetProperty("units").GetInt32());
        var baVi = closed.Json.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("districtId").GetString() == "ba-vi");
        Assert.Equal("Huyện Ba Vì", baVi.GetProperty("districtName").GetString());
        Assert.DoesNotContain(Listed(open.Json), l => l.Area == "ba-vi");
        Assert.Equal(3, open.Json.GetProperty("units").GetInt32());
    }

    [Fact]
    public async Task A_district_coordinator_sees_only_the_units_of_their_area()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);

        var response = await UnitsAsync(app, "tet-2024", HttpCall.Principal("dieuphoi@ba-dinh.invalid"));

        Assert.Equal(200, response.Status);
        Assert.All(Listed(response.Json), l => Assert.Equal("ba-dinh", l.Area));
        Assert.NotEmpty(Listed(response.Json));
    }
}
