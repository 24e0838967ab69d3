using System.Text;
using Microsoft.AspNetCore.Http;
using TetReadiness.Identity;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Roster;

/// <summary><c>PUT /api/roster</c> through <see cref="RosterFunctions"/>, read back from the tables.</summary>
public sealed class RosterImportTests
{
    private static readonly string WithoutBaVi = string.Join('\n', Seed.RosterCsv.Split('\n').Where(line => !line.StartsWith("ba-vi,", StringComparison.Ordinal)));

    private static HttpRequest CsvRequest(byte[] body, string? contentType = "text/csv", string query = "")
    {
        var request = HttpCall.Request("PUT", "/api/roster" + query, contentType: contentType);
        request.Body = new MemoryStream(body);
        request.ContentLength = body.Length;
        return request;
    }

    private static Task<HttpResponseSnapshot> ImportAsync(TestApp app, string csv, string query = "", string? contentType = "text/csv") =>
        ImportAsync(app, Encoding.UTF8.GetBytes(csv), query, contentType);

    private static Task<HttpResponseSnapshot> ImportAsync(TestApp app, byte[] csv, string query = "", string? contentType = "text/csv") =>
        HttpCall.RunAsync(CsvRequest(csv, contentType, query), r => app.Create<RosterFunctions>().ImportRoster(r, CancellationToken.None));

    private static async Task<Azure.Data.Tables.TableEntity> UnitRowAsync(TestApp app, string unitId) =>
        (await app.ReadAllAsync(TableNames.Units)).Single(r => r.RowKey == unitId);

    [Fact]
    public async Task A_first_import_adds_every_unit_and_answers_the_counts()
    {
        await using var app = await TestApp.StartAsync();

        var response = await ImportAsync(app, Seed.RosterCsv);

        Assert.Equal(200, response.Status);
        var result = response.Json;
        Assert.True(result.GetProperty("applied").GetBoolean());
        Assert.Equal((3, 4, 4, 0, 0), (result.GetProperty("districts").GetInt32(), result.GetProperty("units").GetInt32(),
            result.GetProperty("added").GetInt32(), result.GetProperty("updated").GetInt32(), result.GetProperty("deactivated").GetInt32()));
        var unit = await UnitRowAsync(app, "hoan-kiem-ubnd");
        Assert.Equal(("hoan-kiem-ubnd", "UBND Quận Hoàn Kiếm", "hoan-kiem", "Quận Hoàn Kiếm", true),
            (unit.GetString("UnitId"), unit.GetString("UnitName"), unit.GetString("DistrictId"), unit.GetString("DistrictName"), unit.GetBoolean("Active") == true));
        Assert.Equal("vanphong@hoan-kiem.invalid;lanhdao@hoan-kiem.invalid", unit.GetString("OfficerEmails"));
        var district = (await app.ReadAllAsync(TableNames.Districts)).Single(r => r.RowKey == "ba-dinh");
        Assert.Equal("dieuphoi@ba-dinh.invalid", district.GetString("CoordinatorEmails"));
        Assert.Single(await app.ReadAllAsync(TableNames.RosterImports));
    }

    [Fact]
    public async Task A_semicolon_roster_with_a_BOM_and_decomposed_Vietnamese_is_stored_precomposed()
    {
        await using var app = await TestApp.StartAsync();
        var csv = "district_id;district_name;unit_id;unit_name;officer_emails\r\nba-dinh;Qu\u00e2\u0323n Ba \u0110i\u0300nh;ba-dinh-ubnd;UBND Qu\u00e2\u0323n Ba \u0110i\u0300nh;a@ba-dinh.invalid\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var response = await ImportAsync(app, bytes);

        Assert.Equal(200, response.Status);
        var unit = await UnitRowAsync(app, "ba-dinh-ubnd");
        Assert.Equal("UBND Quận Ba Đình", unit.GetString("UnitName"));
        Assert.Equal("Quận Ba Đình", unit.GetString("DistrictName"));
    }

    [Fact]
    public async Task A_unit_missing_from_a_later_import_is_marked_inactive_never_deleted()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        app.Clock.Advance(TimeSpan.FromDays(1));

        var response = await ImportAsync(app, WithoutBaVi);

        Assert.Equal(["ba-vi-ubnd"], response.Json.GetProperty("deactivatedUnitIds").EnumerateArray().Select(e => e.GetString()));
        var unit = await UnitRowAsync(app, "ba-vi-ubnd");
        Assert.False(unit.GetBoolean("Active"));
        Assert.Equal(app.Clock.GetUtcNow(), unit.GetDateTimeOffset("DeactivatedAt"));
        Assert.Equal("UBND Huyện Ba Vì", unit.GetString("UnitName"));
        var district = (await app.ReadAllAsync(TableNames.Districts)).Single(r => r.RowKey == "ba-vi");
        Assert.False(district.GetBoolean("Active"));

        var roster = await HttpCall.RunAsync(HttpCall.Request("GET", "/api/roster", contentType: null), r => app.Create<RosterFunctions>().GetRoster(r, CancellationToken.None));
        Assert.Equal(3, roster.Json.GetProperty("units").GetInt32());
        Assert.DoesNotContain("ba-vi", roster.Json.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("districtId").GetString()));
    }

    [Fact]
    public async Task A_unit_that_comes_back_is_reactivated_and_can_report_again()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ImportAsync(app, WithoutBaVi);
        Assert.NotNull((await UnitRowAsync(app, "ba-vi-ubnd")).GetDateTimeOffset("DeactivatedAt"));
        // A coordinator revoked the unit's links while it was out: coming back must not undo that.
        var generation = await app.Get<TetReadiness.Links.UnitLinkService>().RevokeAsync(Caller.System, "ba-vi-ubnd", CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var response = await ImportAsync(app, Seed.RosterCsv);

        Assert.Equal(["ba-vi-ubnd"], response.Json.GetProperty("reactivatedUnitIds").EnumerateArray().Select(e => e.GetString()));
        var unit = await UnitRowAsync(app, "ba-vi-ubnd");
        Assert.True(unit.GetBoolean("Active"));
        Assert.Null(unit.GetDateTimeOffset("DeactivatedAt"));
        Assert.Equal(app.Clock.GetUtcNow(), unit.GetDateTimeOffset("ImportedAt"));
        Assert.Equal(generation, unit.GetInt32("LinkGeneration"));
        var district = (await app.ReadAllAsync(TableNames.Districts)).Single(r => r.RowKey == "ba-vi");
        Assert.True(district.GetBoolean("Active"));
        Assert.Null(district.GetDateTimeOffset("DeactivatedAt"));
        var (receipt, _) = await app.Get<SubmissionService>().SubmitAsync(
            "tet-2024", "ba-vi-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        Assert.Equal(1, receipt.Revision);
    }

    [Fact]
    public async Task A_unit_removed_by_a_later_import_keeps_its_submissions_readable_but_cannot_submit()
    {
        await using var app = await TestApp.StartAsync();
        await Seed.RosterAndCampaignAsync(app);
        await app.Get<SubmissionService>().SubmitAsync(
            "tet-2024", "ba-vi-ubnd", _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ImportAsync(app, WithoutBaVi);
        var functions = app.Create<SubmissionFunctions>();
        const string Path = "/api/campaigns/tet-2024/units/ba-vi-ubnd/submission";

        var read = await HttpCall.RunAsync(HttpCall.Request("GET", Path, contentType: null), r => functions.GetSubmission(r, "tet-2024", "ba-vi-ubnd", CancellationToken.None));

        Assert.Equal(200, read.Status);
        Assert.Equal("\"r1\"", read.Header("ETag"));
        await ProblemAssert.RefusedAsync(app, 404, "inactive unit",
            () => HttpCall.RunAsync(HttpCall.Json("PUT", Path, Seed.Answers()), r => functions.PutSubmission(r, "tet-2024", "ba-vi-ubnd", CancellationToken.None)));
    }

    [Fact]
    public async Task A_dry_run_answers_the_changes_and_writes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        await ImportAsync(app, Seed.RosterCsv);
        var before = await app.SnapshotAsync();

        var response = await ImportAsync(app, WithoutBaVi, "?dryRun=true");

        Assert.Equal(200, response.Status);
        Assert.False(response.Json.GetProperty("applied").GetBoolean());
        Assert.Equal(1, response.Json.GetProperty("deactivated").GetInt32());
        Assert.Equal(before, await app.SnapshotAsync());
    }

    [Fact]
    public async Task The_area_level_is_stored_as_data()
    {
        await using var app = await TestApp.StartAsync();

        await ImportAsync(app, Seed.RosterCsv, "?areaLevel=Ph%C6%B0%E1%BB%9Dng%2FX%C3%A3");

        Assert.All(await app.ReadAllAsync(TableNames.Districts), d => Assert.Equal("Phường/Xã", d.GetString("AreaLevel")));
    }

    [Fact]
    public async Task A_closed_campaign_keeps_the_roster_it_closed_with()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7)));
        await Seed.RosterAndCampaignAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await Seed.RosterAndCampaignAsync(app, "kiem-tra-2024", Seed.Campaign(opensAt: "2024-01-15", deadline: "2024-12-31"));
        var submissions = app.Get<SubmissionService>();
        foreach (var unit in new[] { "ba-dinh-ubnd", "ba-vi-ubnd" })
        {
            await submissions.SubmitAsync("tet-2024", unit, _ => Task.FromResult(Seed.Answers()), SubmissionPreconditions.None, Caller.System, CancellationToken.None);
        }

        app.Clock.Set(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        Task<HttpResponseSnapshot> StatusAsync(string campaignId) => HttpCall.RunAsync(
            HttpCall.Request("GET", $"/api/campaigns/{campaignId}/status", contentType: null),
            r => app.Create<StatusFunctions>().GetCampaignStatus(r, campaignId, CancellationToken.None));
        var closedBefore = await StatusAsync("tet-2024");
        Assert.Equal(4, closedBefore.Json.GetProperty("units").GetInt32());
        Assert.Equal(4, (await StatusAsync("kiem-tra-2024")).Json.GetProperty("units").GetInt32());

        var import = await ImportAsync(app, WithoutBaVi);

        Assert.Equal(["tet-2024"], import.Json.GetProperty("frozenCampaignIds").EnumerateArray().Select(e => e.GetString()));
        var closedAfter = await StatusAsync("tet-2024");
        Assert.Equal(closedBefore.Body, closedAfter.Body);
        Assert.Equal(3, (await StatusAsync("kiem-tra-2024")).Json.GetProperty("units").GetInt32());
        Assert.False((await UnitRowAsync(app, "ba-vi-ubnd")).GetBoolean("Active"));
        Assert.Equal(4, (await app.ReadAllAsync(TableNames.CampaignUnits)).Count(r => r.PartitionKey == "tet-2024"));
    }
}
