namespace TetReadiness.Digests;

/// <summary>
/// The review work of a scope: how many reports await review, the reports returned and not yet sent again, and the
/// units asking to reopen an accepted report, by name.
/// </summary>
public sealed record DigestReviews(int AwaitingReview, IReadOnlyList<DigestUnit> Returned, IReadOnlyList<DigestUnit> ReopenRequested);
