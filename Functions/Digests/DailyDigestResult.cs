namespace TetReadiness.Digests;

/// <summary>
/// What one run of <c>DailyDigest</c> did. <see cref="AlreadyPlanned"/> counts recipients an earlier run of the day
/// had queued; <see cref="Queued"/> includes the <see cref="Requeued"/> digests of the day that had lost their
/// message; <see cref="Superseded"/> counts digests of earlier days that never went out.
/// </summary>
public sealed record DailyDigestResult(int Campaigns, int Recipients, int Queued, int AlreadyPlanned, int Requeued = 0, int Superseded = 0);
