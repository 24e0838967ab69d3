namespace TetReadiness.Status;

public sealed record DistrictStatus(
    string DistrictId,
    string DistrictName,
    int Units,
    int Reported,
    int OnTime,
    int Late,
    int Missing,
    double? Readiness);
