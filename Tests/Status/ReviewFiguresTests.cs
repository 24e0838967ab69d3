using TetReadiness.Reminders;
using TetReadiness.Status;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Tests.Reviews;

namespace TetReadiness.Tests.Status;

/// <summary>
/// Review states in the figures, from real rows: a returned report is reported (not a non-reporter, no report reminder),
/// and <c>GET …/status</c> counts accepted, returned, awaiting review and reopen requests for the city, for an area and
/// from a closed campaign's stored final figures. The states come from real reviews, through the <c>Submissions</c>
/// rows' review copy.
/// </summary>
public sealed class ReviewFiguresTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public async Task A_returned_report_counts_as_reported_and_gets_no_report_reminder()
    {
        await using var app = await StartAsync();

        // The deadline's morning: every unit without a report gets the deadline reminder.
        app.Clock.Set(new DateTimeOffset(2024, 1, 31, 9, 0, 0, Vietnam));
        await app.Get<ReminderScanService>().ScanAsync(CancellationToken.None);

        // (Earlier checkpoints are recorded too, as superseded.)
        var reminded = (await app.ReadAllAsync(TableNames.Reminders)).Select(r => r.GetString("UnitId")).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["ba-dinh-ttyt", "ba-vi-ubnd"], reminded);
        var nonReporters = await app.Get<StatusService>().GetNonReportersAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);
        Assert.Equal(["ba-dinh-ttyt", "ba-vi-ubnd"], nonReporters.Select(n => n.UnitId));
    }

    [Fact]
    public async Task Status_counts_review_states_for_the_city_an_area_and_a_closed_campaigns_final_figures()
    {
        await using var app = await StartAsync();
        var status = app.Get<StatusService>();

        var city = await status.GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);
        var area = await status.GetStatusAsync(TestCallers.Officer("dieuphoi@ba-dinh.invalid"), "tet-2024", null, CancellationToken.None);

        Assert.Equal((4, 2, 2), (city.Units, city.Reported, city.Missing));
        Assert.Equal((1, 1, 0, 1), (city.Accepted, city.Returned, city.AwaitingReview, city.ReopenRequests));
        Assert.Equal((0, 1, 0, 0), Review(city.Districts.Single(d => d.DistrictId == "ba-dinh")));
        Assert.Equal((1, 0, 0, 1), Review(city.Districts.Single(d => d.DistrictId == "hoan-kiem")));
        Assert.Equal((2, 1, 0, 1, 0, 0), (area.Units, area.Reported, area.Accepted, area.Returned, area.AwaitingReview, area.ReopenRequests));

        // Closed: read from the final figures the rollup stored, with their review columns.
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.Get<StatusRollupService>().RollUpAsync(CancellationToken.None);
        var stored = (await app.ReadAllAsync(TableNames.AreaSummaries)).Single(r => r.RowKey == "hoan-kiem|area");
        Assert.Equal((1, 0, 0, 1), (stored.GetInt32("Accepted"), stored.GetInt32("Returned"), stored.GetInt32("AwaitingReview"), stored.GetInt32("ReopenRequests")));
        var closed = await status.GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);
        Assert.Equal((2, 1, 1, 0, 1), (closed.Reported, closed.Accepted, closed.Returned, closed.AwaitingReview, closed.ReopenRequests));
        Assert.Equal((0, 1, 0, 0), Review(closed.Districts.Single(d => d.DistrictId == "ba-dinh")));
    }

    [Fact]
    public async Task A_report_never_reviewed_is_awaiting_review()
    {
        await using var app = await StartAsync(reviewed: false);

        var city = await app.Get<StatusService>().GetStatusAsync(TestCallers.CityCoordinator, "tet-2024", null, CancellationToken.None);

        Assert.Equal((2, 0, 0, 2, 0), (city.Reported, city.Accepted, city.Returned, city.AwaitingReview, city.ReopenRequests));
    }

    private static (int, int, int, int) Review(DistrictStatus area) => (area.Accepted, area.Returned, area.AwaitingReview, area.ReopenRequests);

    /// <summary>tet-2024 on 20 Jan: ba-dinh-ubnd's report returned, hoan-kiem-ubnd's accepted with a pending reopen request.</summary>
    private static async Task<TestApp> StartAsync(bool reviewed = true)
    {
        var app = await TestApp.StartAsync(new DateTimeOffset(2024, 1, 20, 9, 0, 0, Vietnam));
        await Seed.RosterAndCampaignAsync(app);
        await ReportedCampaignFixture.SubmitAsync(app, "ba-dinh-ubnd", Seed.Answers());
        await ReportedCampaignFixture.SubmitAsync(app, "hoan-kiem-ubnd", Seed.Answers(fire: "ready", equipment: "ready", gifts: "ready"));
        if (reviewed)
        {
            await Expect200(ReviewApi.ReviewAsync(app, "ba-dinh-ubnd", "returned", 1, "Thiếu số liệu chợ Tết"));
            await Expect200(ReviewApi.ReviewAsync(app, "hoan-kiem-ubnd", "accepted", 1));
            await Expect200(ReviewApi.RequestReopenAsync(app, "hoan-kiem-ubnd", "Bổ sung phương án trực", ReviewApi.As("vanphong@hoan-kiem.invalid")));
        }

        return app;
    }

    private static async Task Expect200(Task<HttpResponseSnapshot> call)
    {
        var response = await call;
        Assert.True(response.Status == 200, response.Body);
    }
}
