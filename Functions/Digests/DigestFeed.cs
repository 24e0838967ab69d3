using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Digests;

/// <summary>The digests' status snapshots in the reporting feed (the Power BI contract, docs/power-bi-schema.json).</summary>
public static class DigestFeed
{
    /// <summary>Each day's digest figures per district and for the whole city (<c>scope = city</c>, empty district id).</summary>
    public static FeedTable StatusSnapshots { get; } = new("status-snapshots", DigestTables.StatusSnapshots,
    [
        Text("campaignId", nameof(StatusSnapshotEntity.CampaignId)),
        Date("snapshotDate", nameof(StatusSnapshotEntity.SnapshotDate)),
        Text("scope", nameof(StatusSnapshotEntity.Scope)),
        Text("districtId", nameof(StatusSnapshotEntity.DistrictId)),
        Text("districtName", nameof(StatusSnapshotEntity.DistrictName)),
        Int("units", nameof(StatusSnapshotEntity.Units)),
        Int("reported", nameof(StatusSnapshotEntity.Reported)),
        Int("onTime", nameof(StatusSnapshotEntity.OnTime)),
        Int("late", nameof(StatusSnapshotEntity.Late)),
        Int("missing", nameof(StatusSnapshotEntity.Missing)),
        Number("reportingRate", nameof(StatusSnapshotEntity.ReportingRate)),
        Number("readiness", nameof(StatusSnapshotEntity.Readiness)),
        .. Instant("takenAt", nameof(StatusSnapshotEntity.TakenAt)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(DigestTables.StatusSnapshots, TableQueries.Partition(campaign.CampaignId)),
    };
}
