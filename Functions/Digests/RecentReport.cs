namespace TetReadiness.Digests;

public sealed record RecentReport(string UnitId, string UnitName, string DistrictName, DateTimeOffset FirstSubmittedAt, bool OnTime);
