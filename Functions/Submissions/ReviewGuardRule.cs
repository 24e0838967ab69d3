namespace TetReadiness.Submissions;

/// <summary>
/// When a review guard stops guarding. Stale: the newest <c>Reviews</c> row is at the guard's transition or later and
/// the report is not accepted (a return, a reopening), or the transition was never recorded and the guard is older than
/// <see cref="ProjectionRepairService.Grace"/> (its review died). Not stale and accepted: the lock. Otherwise in flight.
/// </summary>
public static class ReviewGuardRule
{
    public static GuardStanding Judge(RevisionGuard guard, ReviewStanding? newest, DateTimeOffset now)
    {
        if (newest is not null && newest.Sequence >= guard.Sequence)
        {
            return newest.State == ReviewStates.Accepted ? GuardStanding.Lock : GuardStanding.Stale;
        }

        return now - guard.PlacedAt > ProjectionRepairService.Grace ? GuardStanding.Stale : GuardStanding.InFlight;
    }
}
