namespace TetReadiness.Campaigns;

/// <summary>What other features may ask of campaigns: the campaigns themselves, as domain records.</summary>
public interface ICampaignDirectory
{
    /// <summary>The campaign as this instance last read it (cached for <see cref="CampaignCatalog.CacheDuration"/>), for the hot paths; null when unknown.</summary>
    Task<Campaign?> FindAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The campaign as storage has it now (one point read); null when unknown.</summary>
    Task<Campaign?> ReadAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Every campaign as storage has it now, in the order of their ids.</summary>
    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether the campaign counts its frozen roster (<c>CampaignUnits</c>) rather than the current one. A cached
    /// campaign may predate the import that froze it (on this instance or another), so a closed campaign not yet known
    /// as frozen asks its row: one point read, and only for closed campaigns.
    /// </summary>
    Task<bool> IsRosterFrozenAsync(Campaign campaign, CancellationToken cancellationToken);
}
