using System.Globalization;
using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Reviews;

/// <summary>The reviews' table in the reporting feed (the Power BI contract, docs/power-bi-schema.json). Who reviewed (an email) stays out.</summary>
public static class ReviewFeed
{
    /// <summary>Every transition of every unit's review, campaign by campaign.</summary>
    public static FeedTable Reviews { get; } = new("reviews", ReviewTables.Reviews,
    [
        Computed("reviewKey", FeedColumnType.Text, row => KeyWith(row, nameof(ReviewEntity.Sequence)),
            nameof(ReviewEntity.CampaignId), nameof(ReviewEntity.UnitId), nameof(ReviewEntity.Sequence)),
        CampaignUnitKey(),
        Computed("revisionKey", FeedColumnType.Text, row => KeyWith(row, nameof(ReviewEntity.Revision)),
            nameof(ReviewEntity.CampaignId), nameof(ReviewEntity.UnitId), nameof(ReviewEntity.Revision)),
        Text("campaignId", nameof(ReviewEntity.CampaignId)),
        Text("unitId", nameof(ReviewEntity.UnitId)),
        Text("unitName", nameof(ReviewEntity.UnitName)),
        Text("districtId", nameof(ReviewEntity.DistrictId)),
        Text("districtName", nameof(ReviewEntity.DistrictName)),
        Int("sequence", nameof(ReviewEntity.Sequence)),
        Int("revision", nameof(ReviewEntity.Revision)),
        Text("fromState", nameof(ReviewEntity.FromState)),
        Text("toState", nameof(ReviewEntity.ToState)),
        Text("decision", nameof(ReviewEntity.Decision)),
        Text("comment", nameof(ReviewEntity.Comment)),
        Text("via", nameof(ReviewEntity.Via)),
        .. Instant("at", nameof(ReviewEntity.At)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(ReviewTables.Reviews, TableQueries.Partition(campaign.CampaignId)),
    };

    private static string? KeyWith(FeedRow row, string number) =>
        Key(FeedValues.Text(row.Entity, nameof(ReviewEntity.CampaignId)), FeedValues.Text(row.Entity, nameof(ReviewEntity.UnitId)),
            FeedValues.Int(row.Entity, number)?.ToString(CultureInfo.InvariantCulture));
}
