namespace TetReadiness.Digests;

/// <summary>
/// Since the previous digest: the numbers of the previous snapshot of this scope (null when there is none), and the
/// units that reported for the first time in the last 24 hours.
/// </summary>
public sealed record DigestChanges(
    DateOnly? PreviousDate,
    int? PreviousReported,
    double? PreviousReadiness,
    IReadOnlyList<RecentReport> ReportedRecently);
