using TetReadiness.Submissions;

namespace TetReadiness.Reviews;

/// <summary>Answers submissions' questions about a unit's review from the newest rows of <c>Reviews</c>.</summary>
public sealed class ReviewLedger(ReviewStore store) : IReviewLedger
{
    public async Task<ReviewStanding?> ReadStandingAsync(string campaignId, string unitId, CancellationToken cancellationToken) =>
        ReviewRules.Standing(await store.ReadNewestAsync(campaignId, unitId, ReviewRules.StandingDepth, cancellationToken));
}
