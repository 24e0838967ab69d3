using TetReadiness.Roster;

namespace TetReadiness.Campaigns;

/// <summary>
/// Before a roster import changes anything, each campaign that has closed keeps the roster it closed with: the roster
/// copies it into the campaign's frozen partition, then the campaign row records when (<c>RosterFrozenAt</c>).
/// </summary>
public sealed class ClosedCampaignRosters(CampaignStore store, ICampaignRosters rosters) : IClosedCampaigns
{
    public async Task<IReadOnlyList<string>> FreezeRostersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var frozen = new List<string>();
        foreach (var campaign in await store.ListAsync(cancellationToken))
        {
            if (campaign.RosterFrozenAt is null && campaign.IsClosedAt(now))
            {
                await rosters.FreezeAsync(campaign.CampaignId, cancellationToken);
                await store.MarkRosterFrozenAsync(campaign.CampaignId, now, cancellationToken);
                frozen.Add(campaign.CampaignId);
            }
        }

        return frozen;
    }
}
