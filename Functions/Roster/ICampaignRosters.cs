namespace TetReadiness.Roster;

/// <summary>The rosters campaigns keep: a closed campaign's frozen copy of the roster it closed with (<c>CampaignUnits</c>).</summary>
public interface ICampaignRosters
{
    /// <summary>Copies the current roster into the campaign's frozen partition (idempotent upserts).</summary>
    Task FreezeAsync(string campaignId, CancellationToken cancellationToken);
}
