using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Deadlines;

/// <summary>
/// Units' own deadlines in the reporting feed (the Power BI contract, docs/power-bi-schema.json): one row per unit
/// granted one. Who granted it stays out (an email); a unit taken back to the campaign's deadline has no row.
/// </summary>
public static class DeadlineFeed
{
    public static FeedTable UnitDeadlines { get; } = new("unit-deadlines", DeadlineTables.UnitDeadlines,
    [
        CampaignUnitKey(),
        Text("campaignId", nameof(UnitDeadlineEntity.CampaignId)),
        Text("unitId", nameof(UnitDeadlineEntity.UnitId)),
        Text("unitName", nameof(UnitDeadlineEntity.UnitName)),
        Text("districtId", nameof(UnitDeadlineEntity.DistrictId)),
        .. Instant("deadline", nameof(UnitDeadlineEntity.Deadline)),
        Text("reason", nameof(UnitDeadlineEntity.Reason)),
        .. Instant("grantedAt", nameof(UnitDeadlineEntity.GrantedAt)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(DeadlineTables.UnitDeadlines, TableQueries.Partition(campaign.CampaignId)),
    };
}
