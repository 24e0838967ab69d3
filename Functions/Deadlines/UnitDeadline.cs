namespace TetReadiness.Deadlines;

/// <summary>A deadline granted to one unit: later than its campaign's, at the latest when the campaign closes.</summary>
public sealed record UnitDeadline(
    string UnitId,
    DateTimeOffset Deadline,
    string Reason,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    string DistrictId,
    string UnitName);
