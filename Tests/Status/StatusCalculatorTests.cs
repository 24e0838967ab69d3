using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Submissions;
using TetReadiness.Tests.Infrastructure;
using TetReadiness.Time;

namespace TetReadiness.Tests.Status;

public sealed class StatusCalculatorTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    // Opens 15 Jan 2024 08:00, deadline 31 Jan 2024 23:59:59 (Vietnam time).
    private static readonly Campaign Campaign = CampaignValidator.Validate("tet-2024", Seed.Campaign()).Campaign!;

    private static readonly RosterUnit[] Units =
    [
        new("ba-dinh-ubnd", "UBND Quận Ba Đình", "ba-dinh", "Quận Ba Đình", []),
        new("ba-dinh-ttyt", "Trung tâm Y tế Ba Đình", "ba-dinh", "Quận Ba Đình", []),
        new("ba-dinh-cho", "BQL chợ Ngọc Hà", "ba-dinh", "Quận Ba Đình", []),
        new("ba-vi-ubnd", "UBND Huyện Ba Vì", "ba-vi", "Huyện Ba Vì", []),
        new("hoan-kiem-ubnd", "UBND Quận Hoàn Kiếm", "hoan-kiem", "Quận Hoàn Kiếm", []),
    ];

    private static readonly DateTimeOffset AsOf = new(2024, 2, 2, 9, 0, 0, Vietnam);

    private static UnitReport Report(string unitId, bool onTime, bool lateNow, double? readiness, int revision = 1) =>
        new(unitId, revision, onTime, lateNow, readiness, AsOf, AsOf);

    [Fact]
    public void Totals_count_units_reported_on_time_late_and_missing()
    {
        var reports = new[]
        {
            Report("ba-dinh-ubnd", onTime: true, lateNow: false, readiness: 1.0),
            Report("ba-dinh-ttyt", onTime: false, lateNow: true, readiness: 0.5),
            Report("hoan-kiem-ubnd", onTime: true, lateNow: false, readiness: 0.0),
        }.ToDictionary(r => r.UnitId);

        var status = StatusCalculator.Calculate(Campaign, Units, reports, AsOf);

        Assert.Equal("tet-2024", status.CampaignId);
        Assert.Equal((5, 3, 2, 1, 2), (status.Units, status.Reported, status.OnTime, status.Late, status.Missing));
        Assert.Equal(0.5, status.Readiness);
        Assert.Equal(AsOf, status.AsOf);
        Assert.Equal(Vietnam, status.AsOf.Offset);
    }

    [Fact]
    public void Each_district_has_its_own_totals_in_id_order()
    {
        var reports = new[]
        {
            Report("ba-dinh-ubnd", true, false, 1.0),
            Report("ba-dinh-ttyt", false, true, 0.5),
            Report("hoan-kiem-ubnd", true, false, 0.25),
        }.ToDictionary(r => r.UnitId);

        var districts = StatusCalculator.Calculate(Campaign, Units, reports, AsOf).Districts;

        Assert.Equal(
            [
                new DistrictStatus("ba-dinh", "Quận Ba Đình", 3, 2, 1, 1, 1, 0.75),
                new DistrictStatus("ba-vi", "Huyện Ba Vì", 1, 0, 0, 0, 1, null),
                new DistrictStatus("hoan-kiem", "Quận Hoàn Kiếm", 1, 1, 1, 0, 0, 0.25),
            ],
            districts);
    }

    [Fact]
    public void On_time_and_late_follow_the_first_revision_not_the_latest()
    {
        // First revision on time, resubmitted after the deadline: still on time.
        var reports = new[] { Report("ba-dinh-ubnd", onTime: true, lateNow: true, readiness: 1.0, revision: 3) }.ToDictionary(r => r.UnitId);

        var status = StatusCalculator.Calculate(Campaign, Units, reports, AsOf);

        Assert.Equal((1, 1, 0), (status.Reported, status.OnTime, status.Late));
    }

    [Fact]
    public void Readiness_is_the_unweighted_mean_over_reporting_units_only()
    {
        // One district: three units, two reported (1.0 and 0.0), one missing: the missing unit does not count as 0.
        var reports = new[]
        {
            Report("ba-dinh-ubnd", true, false, 1.0),
            Report("ba-dinh-ttyt", true, false, 0.0),
        }.ToDictionary(r => r.UnitId);

        var status = StatusCalculator.Calculate(Campaign, Units, reports, AsOf);

        Assert.Equal(0.5, status.Readiness);
        Assert.Equal(0.5, status.Districts[0].Readiness);
    }

    [Fact]
    public void A_unit_whose_answers_are_all_not_applicable_reports_without_pulling_the_mean()
    {
        var reports = new[]
        {
            Report("ba-dinh-ubnd", true, false, 0.8),
            Report("ba-dinh-ttyt", true, false, null),
        }.ToDictionary(r => r.UnitId);

        var status = StatusCalculator.Calculate(Campaign, Units, reports, AsOf);

        Assert.Equal(2, status.Reported);
        Assert.Equal(0.8, status.Readiness);
    }

    [Fact]
    public void Readiness_is_null_when_nobody_has_reported()
    {
        var status = StatusCalculator.Calculate(Campaign, Units, new Dictionary<string, UnitReport>(), AsOf);

        Assert.Null(status.Readiness);
        Assert.Equal(5, status.Missing);
        Assert.All(status.Districts, d => Assert.Null(d.Readiness));
    }

    [Fact]
    public void Reports_of_units_outside_the_roster_are_ignored()
    {
        var reports = new[] { Report("removed-unit", true, false, 0.0) }.ToDictionary(r => r.UnitId);

        var status = StatusCalculator.Calculate(Campaign, Units, reports, AsOf);

        Assert.Equal(0, status.Reported);
        Assert.Null(status.Readiness);
    }

    [Fact]
    public void Non_reporters_are_the_units_without_a_report_in_district_then_unit_order()
    {
        var reports = new[] { Report("ba-dinh-ubnd", true, false, 1.0) }.ToDictionary(r => r.UnitId);

        var missing = StatusCalculator.NonReporters(Campaign, Units, reports, new DateOnly(2024, 2, 2));

        Assert.Equal(
            [
                new NonReporter("ba-dinh-cho", "BQL chợ Ngọc Hà", "ba-dinh", "Quận Ba Đình", 2),
                new NonReporter("ba-dinh-ttyt", "Trung tâm Y tế Ba Đình", "ba-dinh", "Quận Ba Đình", 2),
                new NonReporter("ba-vi-ubnd", "UBND Huyện Ba Vì", "ba-vi", "Huyện Ba Vì", 2),
                new NonReporter("hoan-kiem-ubnd", "UBND Quận Hoàn Kiếm", "hoan-kiem", "Quận Hoàn Kiếm", 2),
            ],
            missing.Select(m => m with { Deadline = default }));
        // Issue 16: without units' own deadlines, every unit's is the campaign's.
        Assert.All(missing, m => Assert.Equal((Campaign.Deadline, false), (m.Deadline, m.Extended)));
    }

    [Theory]
    [InlineData("2024-01-20", 0)]
    [InlineData("2024-01-31", 0)]
    [InlineData("2024-02-01", 1)]
    [InlineData("2024-02-10", 10)]
    public void Days_overdue_are_whole_calendar_days_past_the_deadline_date(string today, int expected)
    {
        Assert.Equal(expected, StatusCalculator.DaysOverdue(Campaign, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    // Deadline 31 Jan 23:59:59 Vietnam = 31 Jan 16:59:59 UTC.
    [InlineData("2024-01-31T16:59:59Z", 0)]
    [InlineData("2024-01-31T17:00:00Z", 1)] // 1 Feb 00:00 in Vietnam, still 31 Jan in UTC
    [InlineData("2024-02-01T16:59:59Z", 1)] // 1 Feb 23:59:59 in Vietnam
    [InlineData("2024-02-01T17:00:00Z", 2)]
    public void Days_overdue_turn_at_midnight_Vietnam_time_not_midnight_UTC(string now, int expected)
    {
        var today = VietnamTime.DateOf(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, StatusCalculator.DaysOverdue(Campaign, today));
    }

    [Theory]
    // Deadline 1 Feb 03:00 in Vietnam, given in UTC as 31 Jan 20:00Z: its date is 1 Feb, not 31 Jan.
    [InlineData("2024-02-01T12:00:00Z", 0)]
    [InlineData("2024-02-01T16:59:59Z", 0)]
    [InlineData("2024-02-01T17:00:00Z", 1)]
    public void The_deadline_date_is_its_Vietnam_date_even_when_given_in_UTC(string now, int expected)
    {
        var campaign = CampaignValidator.Validate("tet-2024", Seed.Campaign(deadline: "2024-01-31T20:00:00Z")).Campaign!;
        var today = VietnamTime.DateOf(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, StatusCalculator.DaysOverdue(campaign, today));
    }
}
