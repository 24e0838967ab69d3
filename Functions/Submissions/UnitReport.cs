namespace TetReadiness.Submissions;

/// <summary>One unit's latest submission, as status, reminders and digests count it.</summary>
public sealed record UnitReport(string UnitId, int Revision, bool OnTime, bool Late, double? Readiness, DateTimeOffset SubmittedAt, DateTimeOffset FirstSubmittedAt);
