namespace TetReadiness.Submissions;

/// <summary>
/// What submissions ask of the <c>Reviews</c> log, the source of truth of a report's review (the Reviews feature
/// implements it; submissions never name it): is the report locked, and what does a reader see of its review.
/// </summary>
public interface IReviewLedger
{
    /// <summary>The unit's review from its newest transitions (one prefix query); null when it was never reviewed.</summary>
    Task<ReviewStanding?> ReadStandingAsync(string campaignId, string unitId, CancellationToken cancellationToken);
}
