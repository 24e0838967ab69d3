namespace TetReadiness.Status;

/// <summary>A unit that has not reported; <c>daysOverdue</c> counts whole Vietnam calendar days past the deadline's date.</summary>
public sealed record NonReporter(string UnitId, string UnitName, string DistrictId, string DistrictName, int DaysOverdue);
