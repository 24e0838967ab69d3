using TetReadiness.Reminders;

namespace TetReadiness.Tests.Reminders;

public sealed class ReminderPolicyTests
{
    private static readonly DateOnly Opens = new(2024, 1, 15);
    private static readonly DateOnly Deadline = new(2024, 1, 31);

    [Theory]
    [InlineData("2024-01-27", null)]
    [InlineData("2024-01-28", "before-3")]
    [InlineData("2024-01-29", "before-3")]
    [InlineData("2024-01-30", "before-1")]
    [InlineData("2024-01-31", "deadline")]
    [InlineData("2024-02-01", "overdue-1")]
    [InlineData("2024-02-03", "overdue-3")]
    public void The_most_severe_due_checkpoint_is_chosen(string today, string? expected)
    {
        var decision = ReminderPolicy.Decide(Opens, Deadline, DateOnly.Parse(today), new HashSet<string>());

        Assert.Equal(expected, decision?.Send.Key);
    }

    [Fact]
    public void Nothing_is_sent_for_a_checkpoint_already_recorded()
    {
        Assert.Null(ReminderPolicy.Decide(Opens, Deadline, new DateOnly(2024, 1, 29), new HashSet<string> { "before-3" }));
    }

    [Fact]
    public void Overdue_reminders_come_daily_and_escalate_from_the_third_day()
    {
        var recorded = new HashSet<string> { "before-3", "before-1", "deadline" };
        var kinds = new List<(string Key, string Kind, bool Escalated)>();
        for (var day = new DateOnly(2024, 2, 1); day <= new DateOnly(2024, 2, 4); day = day.AddDays(1))
        {
            var decision = ReminderPolicy.Decide(Opens, Deadline, day, recorded)!;
            kinds.Add((decision.Send.Key, decision.Send.Kind, decision.Send.Escalated));
            Assert.Empty(decision.Superseded);
            recorded.Add(decision.Send.Key);
        }

        Assert.Equal(
            [("overdue-1", "overdue", false), ("overdue-2", "overdue", false), ("overdue-3", "escalated", true), ("overdue-4", "escalated", true)],
            kinds);
    }

    [Fact]
    public void Checkpoints_missed_while_the_app_was_down_are_superseded_not_sent()
    {
        var decision = ReminderPolicy.Decide(Opens, Deadline, new DateOnly(2024, 2, 1), new HashSet<string> { "before-3" })!;

        Assert.Equal("overdue-1", decision.Send.Key);
        Assert.Equal(["before-1", "deadline"], decision.Superseded.Select(c => c.Key));
    }

    [Fact]
    public void Checkpoints_before_the_campaign_opened_do_not_exist()
    {
        var due = ReminderPolicy.DueCheckpoints(new DateOnly(2024, 1, 30), Deadline, new DateOnly(2024, 1, 31));

        Assert.Equal(["before-1", "deadline"], due.Select(c => c.Key));
    }

    [Fact]
    public void Days_left_and_days_overdue_are_whole_calendar_days()
    {
        var due = ReminderPolicy.DueCheckpoints(Opens, Deadline, new DateOnly(2024, 2, 2));

        Assert.Equal([3, 1, 0, 0, 0], due.Select(c => c.DaysLeft));
        Assert.Equal([0, 0, 0, 1, 2], due.Select(c => c.DaysOverdue));
    }
}
