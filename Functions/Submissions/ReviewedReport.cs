namespace TetReadiness.Submissions;

/// <summary>A unit's latest report as the review queue lists it: the area its row is filed under and when it was last reviewed.</summary>
public sealed record ReviewedReport(UnitReport Report, string DistrictId, DateTimeOffset? ReviewedAt);
