using Azure;

namespace TetReadiness.Submissions;

/// <summary>
/// What the Reviews feature may do to submissions' tables, and nothing more: read the top of a unit's revision log,
/// place, confirm and remove its review guard (the lock, <see cref="RevisionGuard"/>), and copy the unit's review onto
/// its <c>Submissions</c> row.
/// </summary>
public interface IReviewLocks
{
    /// <summary>The newest revision's number and the row above it (two rows, a few columns).</summary>
    Task<RevisionTop> ReadTopAsync(string campaignId, string unitId, CancellationToken cancellationToken);

    /// <summary>Adds the guard, or replaces the fence or stale guard read there; null when the number was taken first.</summary>
    Task<ETag?> TryPlaceGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag? replacing, CancellationToken cancellationToken);

    /// <summary>Marks the guard's transition recorded under the ETag it was placed with; null when a writer replaced it.</summary>
    Task<ETag?> TryConfirmGuardAsync(string campaignId, string unitId, RevisionGuard guard, ETag placed, CancellationToken cancellationToken);

    /// <summary>Lifts the guard if it is still the one read: a fence takes its place, so the next writer reads the log again.</summary>
    Task<bool> TryRemoveGuardAsync(string campaignId, string unitId, int revision, ETag etag, CancellationToken cancellationToken);

    /// <summary>Copies the review onto the unit's row under <paramref name="districtId"/>; the row's revision, or null without one.</summary>
    Task<int?> WriteReviewCopyAsync(string campaignId, string districtId, string unitId, ReviewStanding review, CancellationToken cancellationToken);
}
