using TetReadiness.Time;

namespace TetReadiness.Reviews;

/// <summary>What a review, a reopening or a reopen request answers: the transition it recorded and the state it left.</summary>
public sealed record ReviewView(
    string CampaignId,
    string UnitId,
    int Revision,
    string ReviewState,
    int Sequence,
    string Decision,
    string? Comment,
    string ReviewedBy,
    DateTimeOffset ReviewedAt)
{
    public static ReviewView Of(ReviewTransition transition) => new(
        transition.CampaignId, transition.UnitId, transition.Revision, transition.ToState, transition.Sequence, transition.Decision,
        transition.Comment, transition.By, VietnamTime.ToVietnam(transition.At));
}
