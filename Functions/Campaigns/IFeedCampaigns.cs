using TetReadiness.FeedSchema;

namespace TetReadiness.Campaigns;

/// <summary>The campaigns as the reporting feed reads them, campaign by campaign: three columns of each row, never the checklist.</summary>
public interface IFeedCampaigns
{
    /// <summary>One campaign (one point read); null when there is none.</summary>
    Task<FeedCampaign?> ReadFeedCampaignAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Every campaign, in the order of their ids (one request per 1,000 campaigns).</summary>
    Task<IReadOnlyList<FeedCampaign>> ListFeedCampaignsAsync(CancellationToken cancellationToken);
}
