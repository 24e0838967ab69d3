using TetReadiness.Status;

namespace TetReadiness.Digests;

/// <summary>
/// One campaign seen from one scope: its numbers (<see cref="Status"/>, with a row per district for the progress
/// bars), the units still missing, the least-ready checklist items, what changed since the previous digest, the
/// reports awaiting review, returned or asked to reopen, and the units' difficulties and proposals.
/// </summary>
public sealed record DigestSection(
    DigestScope Scope,
    string CampaignTitle,
    DateTimeOffset Deadline,
    string ScopeName,
    CampaignStatus Status,
    IReadOnlyList<MissingUnit> Missing,
    IReadOnlyList<ItemReadiness> LeastReady,
    DigestChanges Changes,
    string StatusUrl,
    DigestReviews Reviews,
    DigestRemarks Remarks);
