namespace TetReadiness.Submissions;

/// <summary>
/// A unit's latest report as the review queue lists it: the area its row is filed under, the unit's and area's names
/// as its latest revision recorded them, and when it was last reviewed.
/// </summary>
public sealed record ReviewedReport(UnitReport Report, string DistrictId, string UnitName, string DistrictName, DateTimeOffset? ReviewedAt);
