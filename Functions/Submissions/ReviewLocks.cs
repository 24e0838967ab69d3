using Azure;

namespace TetReadiness.Submissions;

/// <summary>The review guard and the review copy, as <see cref="IReviewLocks"/> exposes them, on submissions' own stores.</summary>
public sealed class ReviewLocks(RevisionStore revisions, SubmissionProjector projector) : IReviewLocks
{
    public async Task<RevisionTop> ReadTopAsync(string campaignId, string unitId, CancellationToken cancellationToken) =>
        (await revisions.ReadLatestHeaderAsync(campaignId, unitId, cancellationToken)).Top;

    public Task<ETag?> TryPlaceGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag? replacing, CancellationToken cancellationToken) =>
        revisions.TryPlaceGuardAsync(campaignId, unitId, guard, replacing, cancellationToken);

    public Task<ETag?> TryConfirmGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag placed, CancellationToken cancellationToken) =>
        revisions.TryConfirmGuardAsync(campaignId, unitId, guard, placed, cancellationToken);

    public Task<bool> TryRemoveGuardAsync(string campaignId, string unitId, int revision, ETag etag, CancellationToken cancellationToken) =>
        revisions.TryRemoveGuardAsync(campaignId, unitId, revision, etag, cancellationToken);

    public Task<int?> WriteReviewCopyAsync(string campaignId, string districtId, string unitId, ReviewStanding review, CancellationToken cancellationToken) =>
        projector.WriteReviewCopyAsync(campaignId, districtId, unitId, review, cancellationToken);
}
