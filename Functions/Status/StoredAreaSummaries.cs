namespace TetReadiness.Status;

/// <summary>
/// A campaign's stored area figures: when they last changed, and whether they were computed after the campaign closed
/// (its final figures). Empty when the rollup has not run for the campaign yet.
/// </summary>
public sealed record StoredAreaSummaries(IReadOnlyList<AreaSummary> Areas, DateTimeOffset? ChangedAt, bool Final)
{
    public static StoredAreaSummaries None { get; } = new([], null, false);

    public bool Exists => ChangedAt is not null;
}
