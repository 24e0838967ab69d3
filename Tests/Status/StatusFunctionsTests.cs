using System.Text.Json;
using TetReadiness.Reminders;
using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;

namespace TetReadiness.Tests.Status;

/// <summary><c>GET .../status</c> and <c>GET .../non-reporters</c>: the shapes other systems rely on, from real tables.</summary>
public sealed class StatusFunctionsTests(ReportedCampaignFixture fixture) : IClassFixture<ReportedCampaignFixture>
{
    private readonly TestApp reported = fixture.App;

    private static Task<HttpResponseSnapshot> StatusAsync(TestApp app, string query = "", string campaignId = "tet-2024") => HttpCall.RunAsync(
        HttpCall.Request("GET", $"/api/campaigns/{campaignId}/status{query}", contentType: null),
        r => app.Create<StatusFunctions>().GetCampaignStatus(r, campaignId, CancellationToken.None));

    private static Task<HttpResponseSnapshot> NonReportersAsync(TestApp app, string query = "", string campaignId = "tet-2024") => HttpCall.RunAsync(
        HttpCall.Request("GET", $"/api/campaigns/{campaignId}/non-reporters{query}", contentType: null),
        r => app.Create<StatusFunctions>().GetNonReporters(r, campaignId, CancellationToken.None));

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Status_has_exactly_the_shape_of_the_contract()
    {
        var app = reported;

        var response = await StatusAsync(app);

        Assert.Equal(200, response.Status);
        var status = response.Json;
        Assert.Equal(["campaignId", "asOf", "units", "reported", "onTime", "late", "missing", "readiness", "districts"], Names(status));
        Assert.All(status.GetProperty("districts").EnumerateArray(), district =>
            Assert.Equal(["districtId", "districtName", "units", "reported", "onTime", "late", "missing", "readiness"], Names(district)));
    }

    [Fact]
    public async Task Status_counts_reported_on_time_late_and_missing_with_mean_readiness()
    {
        var app = reported;

        var status = (await StatusAsync(app)).Json;

        Assert.Equal("tet-2024", status.GetProperty("campaignId").GetString());
        Assert.Equal("2024-02-02T10:00:00+07:00", status.GetProperty("asOf").GetString());
        Assert.Equal((4, 2, 1, 1, 2), (status.GetProperty("units").GetInt32(), status.GetProperty("reported").GetInt32(),
            status.GetProperty("onTime").GetInt32(), status.GetProperty("late").GetInt32(), status.GetProperty("missing").GetInt32()));

        // ba-dinh-ubnd 1.0; hoan-kiem-ubnd (0.5 + 0) / 2 = 0.25; mean over reporting units 0.625.
        Assert.Equal(0.625, status.GetProperty("readiness").GetDouble());
        var districts = status.GetProperty("districts").EnumerateArray().ToDictionary(d => d.GetProperty("districtId").GetString()!);
        Assert.Equal(["ba-dinh", "ba-vi", "hoan-kiem"], districts.Keys);
        var baDinh = districts["ba-dinh"];
        Assert.Equal(("Quận Ba Đình", 2, 1, 1, 0, 1, 1.0), (baDinh.GetProperty("districtName").GetString(), baDinh.GetProperty("units").GetInt32(),
            baDinh.GetProperty("reported").GetInt32(), baDinh.GetProperty("onTime").GetInt32(), baDinh.GetProperty("late").GetInt32(),
            baDinh.GetProperty("missing").GetInt32(), baDinh.GetProperty("readiness").GetDouble()));
        Assert.Equal(JsonValueKind.Null, districts["ba-vi"].GetProperty("readiness").ValueKind);
        Assert.Equal(1, districts["hoan-kiem"].GetProperty("late").GetInt32());
    }

    [Fact]
    public async Task Status_narrowed_to_one_district_counts_only_its_units()
    {
        var app = reported;

        var status = (await StatusAsync(app, "?district=ba-dinh")).Json;

        Assert.Equal((2, 1, 1), (status.GetProperty("units").GetInt32(), status.GetProperty("reported").GetInt32(), status.GetProperty("missing").GetInt32()));
        Assert.Equal(1.0, status.GetProperty("readiness").GetDouble());
        Assert.Equal("ba-dinh", Assert.Single(status.GetProperty("districts").EnumerateArray()).GetProperty("districtId").GetString());
    }

    [Fact]
    public async Task A_resubmission_after_the_deadline_keeps_the_unit_on_time()
    {
        await using var app = await ReportedCampaignFixture.StartAsync();

        await ReportedCampaignFixture.SubmitAsync(app, "ba-dinh-ubnd", Seed.Answers(fire: "not_ready", equipment: "not_ready", gifts: "not_ready"));

        var status = (await StatusAsync(app)).Json;
        Assert.Equal((1, 1), (status.GetProperty("onTime").GetInt32(), status.GetProperty("late").GetInt32()));
        Assert.Equal(0.125, status.GetProperty("readiness").GetDouble());
    }

    [Fact]
    public async Task Least_ready_items_come_lowest_first_over_the_callers_scope()
    {
        var everyone = await HttpCall.RunAsync(
            HttpCall.Request("GET", "/api/campaigns/tet-2024/least-ready-items", contentType: null),
            r => reported.Create<StatusFunctions>().GetLeastReadyItems(r, "tet-2024", CancellationToken.None));
        var baDinhOnly = await HttpCall.RunAsync(
            HttpCall.Request("GET", "/api/campaigns/tet-2024/least-ready-items", contentType: null,
                headers: new Dictionary<string, string> { [HttpCall.PrincipalHeader] = HttpCall.Principal("dieuphoi@ba-dinh.invalid") }),
            r => reported.Create<StatusFunctions>().GetLeastReadyItems(r, "tet-2024", CancellationToken.None));

        // ba-dinh-ubnd answered all ready; hoan-kiem-ubnd partial, not applicable, not ready. Fully ready items drop out.
        var items = everyone.Json.EnumerateArray().ToList();
        Assert.Equal(
            [("an-sinh-qua-tet", 0.5, 1, 0, 2), ("pccc-cho", 0.75, 0, 1, 2)],
            items.Select(i => (i.GetProperty("itemId").GetString(), i.GetProperty("readiness").GetDouble(), i.GetProperty("notReady").GetInt32(),
                i.GetProperty("partial").GetInt32(), i.GetProperty("answered").GetInt32())));
        Assert.Equal(0, baDinhOnly.Json.GetArrayLength());
    }

    [Fact]
    public async Task Non_reporters_show_the_reminders_sent_and_a_missing_officer_email()
    {
        await using var app = await ReportedCampaignFixture.StartAsync();
        var sentAt = new DateTimeOffset(2024, 2, 1, 8, 5, 0, TimeSpan.FromHours(7));
        foreach (var (unit, checkpoint, state, recipients) in new[]
                 {
                     ("ba-dinh-ttyt", "deadline", ReminderState.Sent, "truc@ba-dinh-ttyt.invalid"),
                     ("ba-dinh-ttyt", "overdue-1", ReminderState.Sent, "truc@ba-dinh-ttyt.invalid"),
                     ("ba-vi-ubnd", "deadline", ReminderState.Failed, string.Empty),
                 })
        {
            await app.Tables.Reminders.AddEntityAsync(new ReminderEntity
            {
                PartitionKey = "tet-2024",
                RowKey = ReminderEntity.RowKeyFor(unit, checkpoint),
                CampaignId = "tet-2024",
                UnitId = unit,
                Checkpoint = checkpoint,
                State = state,
                Recipients = recipients,
                SentAt = state == ReminderState.Sent ? sentAt.AddDays(checkpoint == "deadline" ? 0 : 1) : null,
            });
        }

        var rows = (await NonReportersAsync(app)).Json.EnumerateArray().ToDictionary(r => r.GetProperty("unitId").GetString()!);

        Assert.Equal(2, rows["ba-dinh-ttyt"].GetProperty("remindersSent").GetInt32());
        Assert.Equal(sentAt.AddDays(1), rows["ba-dinh-ttyt"].GetProperty("lastRemindedAt").GetDateTimeOffset());
        Assert.False(rows["ba-dinh-ttyt"].GetProperty("noOfficerEmail").GetBoolean());
        Assert.Equal(0, rows["ba-vi-ubnd"].GetProperty("remindersSent").GetInt32());
        Assert.True(rows["ba-vi-ubnd"].GetProperty("noOfficerEmail").GetBoolean());
    }

    [Fact]
    public async Task Non_reporters_have_exactly_the_shape_of_the_contract_with_days_overdue()
    {
        var app = reported;

        var response = await NonReportersAsync(app);

        Assert.Equal(200, response.Status);
        var rows = response.Json.EnumerateArray().ToList();
        Assert.All(rows, row => Assert.Equal(["unitId", "unitName", "districtId", "districtName", "daysOverdue", "remindersSent", "lastRemindedAt", "noOfficerEmail", "deadline", "extended", "latestNote"], Names(row)));
        Assert.Equal(
            [("ba-dinh-ttyt", "Trung tâm Y tế Ba Đình", "ba-dinh", "Quận Ba Đình", 2), ("ba-vi-ubnd", "UBND Huyện Ba Vì", "ba-vi", "Huyện Ba Vì", 2)],
            rows.Select(r => (r.GetProperty("unitId").GetString(), r.GetProperty("unitName").GetString(), r.GetProperty("districtId").GetString(),
                r.GetProperty("districtName").GetString(), r.GetProperty("daysOverdue").GetInt32())));
    }

    [Fact]
    public async Task Non_reporters_are_zero_days_overdue_until_midnight_Vietnam_time()
    {
        await using var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 31, 16, 30, 0, TimeSpan.Zero));
        await Seed.RosterAndCampaignAsync(app);

        var beforeMidnight = await NonReportersAsync(app);
        app.Clock.Set(new DateTimeOffset(2024, 1, 31, 17, 0, 0, TimeSpan.Zero));
        var afterMidnight = await NonReportersAsync(app);

        Assert.All(beforeMidnight.Json.EnumerateArray(), r => Assert.Equal(0, r.GetProperty("daysOverdue").GetInt32()));
        Assert.All(afterMidnight.Json.EnumerateArray(), r => Assert.Equal(1, r.GetProperty("daysOverdue").GetInt32()));
        Assert.Equal(4, afterMidnight.Json.GetArrayLength());
    }

    [Fact]
    public async Task Non_reporters_narrowed_to_one_district()
    {
        var app = reported;

        var rows = (await NonReportersAsync(app, "?district=ba-vi")).Json;

        Assert.Equal("ba-vi-ubnd", Assert.Single(rows.EnumerateArray()).GetProperty("unitId").GetString());
    }

    [Fact]
    public async Task An_unknown_district_filter_gives_an_empty_answer()
    {
        var app = reported;

        var status = (await StatusAsync(app, "?district=cau-giay")).Json;

        Assert.Equal((0, 0), (status.GetProperty("units").GetInt32(), status.GetProperty("districts").GetArrayLength()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("readiness").ValueKind);
    }

    [Theory]
    [InlineData("?district=Ba%20Dinh")]
    [InlineData("?district=x%27%20or%20%271%27%3D%271")]
    public async Task A_bad_district_filter_is_a_bad_request(string query)
    {
        var app = reported;

        var status = ProblemAssert.Is(await StatusAsync(app, query), 400, "Invalid district id");
        var nonReporters = ProblemAssert.Is(await NonReportersAsync(app, query), 400, "Invalid district id");

        Assert.Equal(["district"], ProblemAssert.Errors(status).Keys);
        Assert.Equal(["district"], ProblemAssert.Errors(nonReporters).Keys);
    }

    [Fact]
    public async Task Status_of_an_unknown_campaign_is_not_found()
    {
        var app = reported;

        ProblemAssert.Is(await StatusAsync(app, campaignId: "tet-2099"), 404, "Unknown campaign");
        ProblemAssert.Is(await NonReportersAsync(app, campaignId: "tet-2099"), 404, "Unknown campaign");
        ProblemAssert.Is(await StatusAsync(app, campaignId: "../x"), 400, "Invalid campaign id");
    }

    [Fact]
    public async Task An_inactive_unit_no_longer_counts_for_an_open_campaign()
    {
        await using var app = await ReportedCampaignFixture.StartAsync();
        var withoutBaVi = string.Join('\n', Seed.RosterCsv.Split('\n').Where(line => !line.StartsWith("ba-vi,", StringComparison.Ordinal)));
        await app.Get<TetReadiness.Roster.RosterImporter>().ImportAsync(withoutBaVi, null, dryRun: false, TetReadiness.Identity.Caller.System, CancellationToken.None);

        var status = (await StatusAsync(app)).Json;

        Assert.Equal(3, status.GetProperty("units").GetInt32());
        Assert.DoesNotContain("ba-vi-ubnd", (await NonReportersAsync(app)).Json.EnumerateArray().Select(r => r.GetProperty("unitId").GetString()));
    }
}
