namespace TetReadiness.Reporting;

/// <summary>How a feed table is read from storage; each shape costs one request per page of up to 1,000 rows.</summary>
public enum FeedSource
{
    /// <summary>The one <c>roster</c> partition (districts).</summary>
    Roster,

    /// <summary>The one <c>campaigns</c> partition, or one row of it.</summary>
    Campaigns,

    /// <summary>Per campaign, the units it counts: its frozen partition of <c>CampaignUnits</c> once it has one, else the current <c>Units</c>.</summary>
    CampaignRoster,

    /// <summary>Per campaign, the partition named by its id.</summary>
    CampaignPartition,

    /// <summary>Per campaign, the range of partitions <c>{campaignId}|{unitId}</c> (one range query, partition after partition).</summary>
    CampaignUnitPartitions,
}
