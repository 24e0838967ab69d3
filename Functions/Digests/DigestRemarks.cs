namespace TetReadiness.Digests;

/// <summary>
/// The difficulties and proposals of a scope's units (their latest reports): how many units wrote each, and the
/// newest few of each.
/// </summary>
public sealed record DigestRemarks(
    int DifficultiesCount,
    IReadOnlyList<DigestRemark> Difficulties,
    int ProposalsCount,
    IReadOnlyList<DigestRemark> Proposals);
