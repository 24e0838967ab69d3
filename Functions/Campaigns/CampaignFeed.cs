using Azure.Data.Tables;
using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Campaigns;

/// <summary>The campaigns' tables in the reporting feed (the Power BI contract, docs/power-bi-schema.json).</summary>
public static class CampaignFeed
{
    public static FeedTable Campaigns { get; } = new("campaigns", CampaignTables.Campaigns,
    [
        Text("campaignId", nameof(CampaignEntity.CampaignId)),
        Text("title", nameof(CampaignEntity.Title)),
        .. Instant("opensAt", nameof(CampaignEntity.OpensAt)),
        .. Instant("deadline", nameof(CampaignEntity.Deadline)),
        .. Instant("closesAt", nameof(CampaignEntity.ClosesAt)),
        Int("checklistVersion", nameof(CampaignEntity.ChecklistVersion)),
        Int("itemCount", nameof(CampaignEntity.ItemCount)),
        .. Instant("createdAt", nameof(CampaignEntity.CreatedAt)),
        .. Instant("updatedAt", nameof(CampaignEntity.UpdatedAt)),
        .. Instant("rosterFrozenAt", nameof(CampaignEntity.RosterFrozenAt)),
        Modified(),
    ])
    {
        WholeTable = campaignId => new FeedQuery(CampaignTables.Campaigns, campaignId is { } id
            ? TableClient.CreateQueryFilter($"PartitionKey eq {CampaignEntity.Partition} and RowKey eq {id}")
            : TableQueries.Partition(CampaignEntity.Partition)),
    };

    /// <summary>Every version of every campaign's checklist; item ids stay the same from one year's campaign to the next.</summary>
    public static FeedTable ChecklistItems { get; } = new("checklist-items", CampaignTables.ChecklistItems,
    [
        Computed("checklistItemKey", FeedColumnType.Text, ChecklistItemKey,
            nameof(ChecklistItemEntity.CampaignId), nameof(ChecklistItemEntity.ChecklistVersion), nameof(ChecklistItemEntity.ItemId)),
        Text("campaignId", nameof(ChecklistItemEntity.CampaignId)),
        Int("checklistVersion", nameof(ChecklistItemEntity.ChecklistVersion)),
        Computed("inCurrentVersion", FeedColumnType.Bool,
            row => row.Campaign is { } campaign && FeedValues.Int(row.Entity, nameof(ChecklistItemEntity.ChecklistVersion)) == campaign.ChecklistVersion,
            nameof(ChecklistItemEntity.ChecklistVersion)),
        Text("sectionId", nameof(ChecklistItemEntity.SectionId)),
        Text("sectionTitle", nameof(ChecklistItemEntity.SectionTitle)),
        Int("sectionOrder", nameof(ChecklistItemEntity.SectionOrder)),
        Text("itemId", nameof(ChecklistItemEntity.ItemId)),
        Text("itemText", nameof(ChecklistItemEntity.ItemText)),
        Bool("required", nameof(ChecklistItemEntity.Required)),
        Int("itemOrder", nameof(ChecklistItemEntity.ItemOrder)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(CampaignTables.ChecklistItems, TableQueries.Partition(campaign.CampaignId)),
    };
}
