namespace TetReadiness.Digests;

/// <summary>What one run of <c>DailyDigest</c> did; <see cref="AlreadyPlanned"/> counts recipients an earlier run of the day had queued.</summary>
public sealed record DailyDigestResult(int Campaigns, int Recipients, int Queued, int AlreadyPlanned);
