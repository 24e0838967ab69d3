namespace TetReadiness.Reviews;

/// <summary>
/// One row of <c>Reviews</c>, the source of truth of a report's review: the unit's <see cref="Sequence"/>-th event
/// (1, 2, …), on <see cref="Revision"/>, from one state to another (<see cref="Submissions.ReviewStates"/>; equal for a
/// reopen request), by whom (<see cref="By"/>, an email or a link's name) and how (<see cref="Via"/>: entra, link,
/// system). Never rewritten.
/// </summary>
public sealed record ReviewTransition(
    string CampaignId,
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int Sequence,
    int Revision,
    string FromState,
    string ToState,
    string Decision,
    string? Comment,
    string By,
    string Via,
    DateTimeOffset At);
