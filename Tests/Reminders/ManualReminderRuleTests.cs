using TetReadiness.Reminders;

namespace TetReadiness.Tests.Reminders;

/// <summary>The rules of manual reminders and of a unit's own ladder, without I/O.</summary>
public sealed class ManualReminderRuleTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Fact]
    public void A_manual_checkpoint_names_the_vietnam_minute_it_was_asked_for()
    {
        // 17:30 UTC on 20 January is 00:30 on 21 January in Vietnam.
        Assert.Equal("manual-202401210030", ManualReminder.Checkpoint(new DateTimeOffset(2024, 1, 20, 17, 30, 59, TimeSpan.Zero)));
        Assert.True(ManualReminder.IsManual("manual-202401210030"));
        Assert.False(ManualReminder.IsManual("overdue-1"));
    }

    [Fact]
    public void A_unit_may_be_reminded_by_hand_again_two_hours_after_the_last_time()
    {
        var last = new DateTimeOffset(2024, 1, 20, 9, 0, 0, Vietnam);

        Assert.Equal(last.AddHours(2), ManualReminder.NotBefore(last, last.AddMinutes(119)));
        Assert.Null(ManualReminder.NotBefore(last, last.AddHours(2)));
        Assert.Null(ManualReminder.NotBefore(null, last));
    }

    [Theory]
    [InlineData("2024-01-20", false, 11, 0, "upcoming")]
    [InlineData("2024-01-31", false, 0, 0, "deadline")]
    [InlineData("2024-02-04", false, 0, 4, "overdue")]
    [InlineData("2024-02-04", true, 0, 4, "returned")]
    public void A_manual_reminder_says_days_left_or_overdue_to_the_units_deadline_and_is_never_escalated(string today, bool returned, int daysLeft, int daysOverdue, string kind)
    {
        var at = new DateTimeOffset(DateOnly.Parse(today).ToDateTime(new TimeOnly(10, 0)), Vietnam);

        var checkpoint = ManualReminder.Decide(at, new DateOnly(2024, 1, 31));

        Assert.Equal((daysLeft, daysOverdue, kind), (checkpoint.DaysLeft, checkpoint.DaysOverdue, ManualReminder.KindOf(checkpoint, returned)));
    }

    [Fact]
    public void A_lost_manual_reminder_is_worth_sending_until_the_next_daily_scan_has_had_its_chance()
    {
        var decided = new DateTimeOffset(2024, 1, 20, 7, 30, 0, Vietnam);

        Assert.True(ManualReminder.IsStillDue(decided, decided.AddHours(24.5)));
        Assert.False(ManualReminder.IsStillDue(decided, decided.AddHours(25)));
    }

    [Fact]
    public void A_unit_on_another_deadline_date_climbs_a_ladder_of_its_own_keys()
    {
        var campaign = new DateOnly(2024, 1, 31);
        var own = new DateOnly(2024, 2, 5);
        var suffix = ReminderPolicy.KeySuffix(campaign, own);
        // What it was sent towards the campaign's deadline.
        var recorded = new HashSet<string> { "before-3", "before-1", "deadline", "overdue-1", "overdue-2", "overdue-3" };

        var decision = ReminderPolicy.Decide(new DateOnly(2024, 1, 15), own, new DateOnly(2024, 2, 5), recorded, suffix);

        Assert.Equal("@2024-02-05", suffix);
        Assert.Equal(string.Empty, ReminderPolicy.KeySuffix(campaign, campaign));
        Assert.Equal("deadline@2024-02-05", decision!.Send.Key);
        Assert.Equal(["before-3@2024-02-05", "before-1@2024-02-05"], decision.Superseded.Select(c => c.Key));
        Assert.True(ReminderPolicy.IsStillDue(new DateOnly(2024, 1, 15), own, new DateOnly(2024, 2, 5), "deadline@2024-02-05", suffix));
        Assert.False(ReminderPolicy.IsStillDue(new DateOnly(2024, 1, 15), own, new DateOnly(2024, 2, 5), "deadline", suffix));
    }
}
