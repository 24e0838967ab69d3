using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Messages;
using TetReadiness.Status;

namespace TetReadiness.Tests.Deadlines;

/// <summary>The rules of a unit's own deadline, without I/O.</summary>
public sealed class UnitDeadlineRuleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset CampaignDeadline = new(2024, 1, 31, 23, 59, 59, Vietnam);

    [Fact]
    public void A_units_deadline_is_its_own_only_while_later_than_the_campaigns()
    {
        var own = new UnitDeadline("u", CampaignDeadline.AddDays(5), "lý do", "a@b.invalid", CampaignDeadline, "d", "U");
        var deadlines = new CampaignDeadlines(CampaignDeadline, new Dictionary<string, UnitDeadline> { ["u"] = own });

        Assert.Equal(own.Deadline, deadlines.DeadlineOf("u"));
        Assert.True(deadlines.IsExtended("u"));
        Assert.Equal(CampaignDeadline, deadlines.DeadlineOf("other"));
        // The campaign's deadline moved past the grant: the unit is not left with an earlier one.
        var moved = deadlines with { CampaignDeadline = CampaignDeadline.AddDays(7) };
        Assert.Equal(CampaignDeadline.AddDays(7), moved.DeadlineOf("u"));
        Assert.False(moved.IsExtended("u"));
    }

    [Fact]
    public void A_date_alone_means_the_end_of_that_vietnam_day()
    {
        var (deadline, reason, errors) = UnitDeadlineValidator.Validate(new UnitDeadlineRequest { Deadline = "2024-02-05", Reason = "  Mất điện  " }, Campaign());

        Assert.Empty(errors);
        Assert.Equal(new DateTimeOffset(2024, 2, 5, 23, 59, 59, Vietnam), deadline);
        Assert.Equal("Mất điện", reason);
    }

    [Fact]
    public void Both_fields_are_checked_at_once()
    {
        var (_, _, errors) = UnitDeadlineValidator.Validate(new UnitDeadlineRequest { Deadline = "2024-01-30", Reason = new string('x', 501) }, Campaign());

        Assert.Equal(["deadline", "reason"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("31/01/2024 23:59", errors["deadline"][0](EnglishMessages.Instance), StringComparison.Ordinal);
    }

    [Fact]
    public void Days_overdue_count_from_the_units_own_deadline()
    {
        var units = new[] { new TetReadiness.Roster.RosterUnit("own", "Own", "d", "D", []), new TetReadiness.Roster.RosterUnit("late", "Late", "d", "D", []) };
        var extended = CampaignDeadline.AddDays(5);

        var missing = StatusCalculator.NonReporters(Campaign(), units, new Dictionary<string, TetReadiness.Submissions.UnitReport>(), new DateOnly(2024, 2, 3), u => u == "own" ? extended : CampaignDeadline);

        Assert.Equal([(0, true), (3, false)], missing.OrderByDescending(m => m.UnitId).Select(m => (m.DaysOverdue, m.Extended)));
        Assert.Equal(extended, missing.Single(m => m.UnitId == "own").Deadline);
    }

    private static Campaign Campaign() =>
        new("tet-2024", "Tết", CampaignDeadline.AddDays(-16), CampaignDeadline, CampaignDeadline.AddDays(14), [], 1, new Checklist([]));
}
