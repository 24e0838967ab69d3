namespace TetReadiness.Status;

/// <summary>
/// <c>GET /api/campaigns/{id}/status</c>. <c>onTime</c> and <c>late</c> split the reported units by their first
/// revision; <c>missing</c> have not reported (overdue once the deadline has passed). Of the reported,
/// <c>accepted</c> and <c>returned</c> count their review states and <c>awaitingReview</c> the rest (state
/// <c>submitted</c>), so the three add up to <c>reported</c>; <c>reopenRequests</c> counts units waiting for an answer
/// to their request to reopen an accepted report (<see cref="ReviewFigures"/>).
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
    int Accepted,
    int Returned,
    int AwaitingReview,
    int ReopenRequests,
    IReadOnlyList<DistrictStatus> Districts);
