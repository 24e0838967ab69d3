namespace TetReadiness.Submissions;

/// <summary>
/// A review guard: a row of <c>SubmissionRevisions</c> at the number after the newest revision
/// (<see cref="Revision"/> = <see cref="ReviewedRevision"/> + 1, <c>RowType = review</c>), placed by a review before it
/// records its transition (<see cref="Sequence"/>, <see cref="Decision"/>), so a revision and a review cannot both win.
/// An accept leaves it there, <see cref="Recorded"/>: it is the lock. <see cref="ReviewGuardRule"/> says when it is stale.
/// </summary>
public sealed record RevisionGuard(int Revision, int ReviewedRevision, int Sequence, string Decision, DateTimeOffset PlacedAt, bool Recorded = false);
