using TetReadiness.Submissions;

namespace TetReadiness.Tests.Reviews;

public sealed class ReviewGuardRuleTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 20, 9, 0, 0, TimeSpan.FromHours(7));

    private static RevisionGuard Guard(int sequence, string decision = "accepted", int secondsAgo = 1) =>
        new(3, 2, sequence, decision, Now.AddSeconds(-secondsAgo));

    private static ReviewStanding Newest(int sequence, string state) =>
        new(sequence, 2, state, state, Now, "c", null, null, null, null, null);

    [Fact]
    public void A_guard_whose_accept_is_recorded_is_the_lock()
    {
        Assert.Equal(GuardStanding.Lock, ReviewGuardRule.Judge(Guard(2), Newest(2, ReviewStates.Accepted), Now));

        // A reopen request after the accept leaves it locked; so does any age.
        Assert.Equal(GuardStanding.Lock, ReviewGuardRule.Judge(Guard(2, secondsAgo: 86_400), Newest(3, ReviewStates.Accepted), Now));
    }

    [Fact]
    public void A_guard_whose_transition_is_a_return_or_was_followed_by_a_reopening_is_stale_at_once()
    {
        Assert.Equal(GuardStanding.Stale, ReviewGuardRule.Judge(Guard(2, "returned"), Newest(2, ReviewStates.Returned), Now));
        Assert.Equal(GuardStanding.Stale, ReviewGuardRule.Judge(Guard(2), Newest(3, ReviewStates.Returned), Now));
    }

    [Fact]
    public void An_orphan_guard_never_recorded_is_in_flight_within_the_grace_and_stale_after_it()
    {
        var grace = ProjectionRepairService.Grace;

        Assert.Equal(GuardStanding.InFlight, ReviewGuardRule.Judge(Guard(2, secondsAgo: 1), Newest(1, ReviewStates.Returned), Now));
        Assert.Equal(GuardStanding.InFlight, ReviewGuardRule.Judge(Guard(1, secondsAgo: (int)grace.TotalSeconds), null, Now));
        Assert.Equal(GuardStanding.Stale, ReviewGuardRule.Judge(Guard(1, secondsAgo: (int)grace.TotalSeconds + 1), null, Now));
        Assert.Equal(GuardStanding.Stale, ReviewGuardRule.Judge(Guard(2, secondsAgo: (int)grace.TotalSeconds + 1), Newest(1, ReviewStates.Accepted), Now));
    }
}
