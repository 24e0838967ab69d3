namespace TetReadiness.Submissions;

/// <summary>
/// One unit's latest submission, as status, reminders and digests count it. <see cref="ReviewState"/> is one of
/// <see cref="ReviewStates"/>; <see cref="ReopenRequested"/> says the unit asked to reopen an accepted report and no
/// coordinator has answered yet.
/// </summary>
public sealed record UnitReport(
    string UnitId,
    int Revision,
    bool OnTime,
    bool Late,
    double? Readiness,
    DateTimeOffset SubmittedAt,
    DateTimeOffset FirstSubmittedAt,
    string ReviewState = ReviewStates.Submitted,
    bool ReopenRequested = false);
