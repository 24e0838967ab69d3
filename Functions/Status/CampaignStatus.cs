namespace TetReadiness.Status;

/// <summary>
/// <c>GET /api/campaigns/{id}/status</c>. <c>onTime</c> and <c>late</c> split the reported units by their first
/// revision; <c>missing</c> have not reported (overdue once the deadline has passed).
/// </summary>
public sealed record CampaignStatus(
    string CampaignId,
    DateTimeOffset AsOf,
    int Units,
    int Reported,
    int OnTime,
    int Late,
    int Missing,
    double? Readiness,
    IReadOnlyList<DistrictStatus> Districts);
