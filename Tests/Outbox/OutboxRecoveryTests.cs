using TetReadiness.Outbox;

namespace TetReadiness.Tests.Outbox;

public sealed class OutboxRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 31, 8, 0, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(OutboxState.Queued, 61, true)]
    [InlineData(OutboxState.Sending, 61, true)]
    [InlineData(OutboxState.Queued, 59, false)]
    [InlineData(OutboxState.Sending, 59, false)]
    [InlineData(OutboxState.Sent, 600, false)]
    [InlineData(OutboxState.Failed, 600, false)]
    [InlineData(OutboxState.Superseded, 600, false)]
    public void A_waiting_row_nothing_touched_for_an_hour_is_lost(string state, int minutesAgo, bool lost)
    {
        Assert.Equal(lost, OutboxRecovery.IsLost(state, Now.AddMinutes(-minutesAgo), Now));
    }

    [Fact]
    public void A_row_decided_days_ago_is_lost_whatever_day_it_was_decided_for()
    {
        Assert.True(OutboxRecovery.IsLost(OutboxState.Queued, Now.AddDays(-3), Now));
    }

    [Fact]
    public void The_last_touch_is_the_latest_of_the_rows_moments()
    {
        var claimed = Now.AddMinutes(-5);

        Assert.Equal(claimed, OutboxRecovery.LastTouched(Now.AddDays(-1), null, claimed, Now.AddHours(-2)));
        Assert.Equal(Now, OutboxRecovery.LastTouched(Now, null, null));
    }

    [Theory]
    [InlineData(4, 0, false)]
    [InlineData(5, 0, true)]
    [InlineData(6, 1, false)]
    [InlineData(10, 1, true)]
    public void Each_redrive_gives_a_fresh_round_of_attempts(int attempts, int redrives, bool givesUp)
    {
        Assert.Equal(givesUp, OutboxRecovery.GivesUp(attempts, redrives, maxAttempts: 5));
    }
}
