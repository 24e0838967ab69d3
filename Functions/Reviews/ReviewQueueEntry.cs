namespace TetReadiness.Reviews;

/// <summary>One reported unit in the review queue (<c>GET /api/campaigns/{c}/reviews</c>).</summary>
public sealed record ReviewQueueEntry(
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int Revision,
    DateTimeOffset SubmittedAt,
    bool Late,
    double? Readiness,
    string ReviewState,
    DateTimeOffset? ReviewedAt,
    bool ReopenRequested);
