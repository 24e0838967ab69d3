namespace TetReadiness.Submissions;

/// <summary>What a review guard means to the next writer (<see cref="ReviewGuardRule"/>).</summary>
public enum GuardStanding
{
    /// <summary>An accept stands on it: the report is locked.</summary>
    Lock,

    /// <summary>Its review is over (or died): the next writer replaces it under its ETag, as it would a fence.</summary>
    Stale,

    /// <summary>Placed moments ago by a review that has not recorded its transition yet: wait and read again.</summary>
    InFlight,
}
