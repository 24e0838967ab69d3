namespace TetReadiness.Submissions;

/// <summary>
/// A unit's review as the <c>Reviews</c> log has it (its newest transitions), in the terms submissions need: the newest
/// transition's <see cref="Sequence"/>, the revision it was on and the state it left (<see cref="State"/>, one of
/// <see cref="ReviewStates"/>), the newest decision of a coordinator (<see cref="ReviewedAt"/>, <see cref="ReviewedBy"/>),
/// the comment of the newest return or reopening, the accept that locks the report, and a reopen request no coordinator
/// has answered yet. The same values are copied onto the unit's <c>Submissions</c> row for reads.
/// </summary>
public sealed record ReviewStanding(
    int Sequence,
    int ReviewedRevision,
    string State,
    string Decision,
    DateTimeOffset? ReviewedAt,
    string? ReviewedBy,
    string? Comment,
    DateTimeOffset? AcceptedAt,
    string? AcceptedBy,
    DateTimeOffset? ReopenRequestedAt,
    string? ReopenReason)
{
    /// <summary>The state of a report whose newest revision is <paramref name="revision"/>: one newer than the reviewed one is submitted.</summary>
    public string StateAt(int revision) => revision > ReviewedRevision ? ReviewStates.Submitted : State;

    /// <summary>Whether a report at <paramref name="revision"/> is accepted, and so locked.</summary>
    public bool LocksAt(int revision) => StateAt(revision) == ReviewStates.Accepted;
}
