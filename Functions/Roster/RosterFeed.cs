using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Roster;

/// <summary>The roster's tables in the reporting feed (the Power BI contract, docs/power-bi-schema.json). Contact details stay out: only their counts are published.</summary>
public static class RosterFeed
{
    public static FeedTable Districts { get; } = new("districts", RosterTables.Districts,
    [
        Text("districtId", nameof(DistrictEntity.DistrictId)),
        Text("districtName", nameof(DistrictEntity.DistrictName)),
        Text("areaLevel", nameof(DistrictEntity.AreaLevel)),
        Bool("active", nameof(DistrictEntity.Active)),
        Computed("coordinatorCount", FeedColumnType.Int, row => FeedValues.Count(row.Entity, nameof(DistrictEntity.CoordinatorEmails)), nameof(DistrictEntity.CoordinatorEmails)),
        .. Instant("importedAt", nameof(DistrictEntity.ImportedAt)),
        .. Instant("deactivatedAt", nameof(DistrictEntity.DeactivatedAt)),
        Modified(),
    ])
    {
        WholeTable = _ => new FeedQuery(RosterTables.Districts, TableQueries.Partition(UnitEntity.CurrentPartition)),
    };

    /// <summary>One row per campaign and unit it counts: the denominator of every rate.</summary>
    public static FeedTable Units { get; } = new("units", RosterTables.Units,
    [
        Computed("campaignUnitKey", FeedColumnType.Text, row => Key(CampaignOf(row), FeedValues.Text(row.Entity, nameof(UnitEntity.UnitId))), nameof(UnitEntity.UnitId)),
        Computed("campaignId", FeedColumnType.Text, CampaignOf),
        Text("unitId", nameof(UnitEntity.UnitId)),
        Text("unitName", nameof(UnitEntity.UnitName)),
        Text("districtId", nameof(UnitEntity.DistrictId)),
        Text("districtName", nameof(UnitEntity.DistrictName)),
        Bool("active", nameof(UnitEntity.Active)),
        Int("officerCount", nameof(UnitEntity.OfficerCount)),
        Computed("rosterSource", FeedColumnType.Text, row => row.Campaign?.RosterFrozenAt is null ? "current" : "frozen"),
        .. Instant("importedAt", nameof(UnitEntity.ImportedAt)),
        .. Instant("deactivatedAt", nameof(UnitEntity.DeactivatedAt)),
        Modified(),
    ])
    {
        // The frozen roster once the campaign has one, else the current one.
        PerCampaign = campaign => campaign.RosterFrozenAt is not null
            ? new FeedQuery(RosterTables.CampaignUnits, TableQueries.Partition(campaign.CampaignId))
            : new FeedQuery(RosterTables.Units, TableQueries.Partition(UnitEntity.CurrentPartition)),
    };
}
