namespace TetReadiness.Roster;

/// <summary>
/// What must keep the roster as it is before an import changes it: each campaign that has closed keeps the roster it
/// closed with. The campaigns feature provides it, so the roster never names campaigns.
/// </summary>
public interface IClosedCampaigns
{
    /// <summary>Freezes the roster of every campaign closed by <paramref name="now"/> that has no frozen copy yet; their ids.</summary>
    Task<IReadOnlyList<string>> FreezeRostersAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
