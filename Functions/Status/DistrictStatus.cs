namespace TetReadiness.Status;

/// <summary>One area's figures in <see cref="CampaignStatus"/>, counted the same way.</summary>
public sealed record DistrictStatus(
    string DistrictId,
    string DistrictName,
    int Units,
    int Reported,
    int OnTime,
    int Late,
    int Missing,
    double? Readiness,
    int Accepted,
    int Returned,
    int AwaitingReview,
    int ReopenRequests);
