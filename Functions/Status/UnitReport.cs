namespace TetReadiness.Status;

/// <summary>What status needs of one unit's latest submission.</summary>
public sealed record UnitReport(string UnitId, int Revision, bool OnTime, bool Late, double? Readiness, DateTimeOffset SubmittedAt, DateTimeOffset FirstSubmittedAt);
