using Azure;
using Azure.Data.Tables;

namespace TetReadiness.Campaigns;

/// <summary>
/// A row of <c>ChecklistVersions</c>: one sealed checklist version (one that may have been answered), written once
/// before the campaign moves on to the next version and never rewritten. Partition = campaign id; row key =
/// <c>v{version:0000}</c>. The campaign row holds the current version's checklist; this table keeps every earlier one.
/// </summary>
internal sealed class ChecklistVersionEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public int ChecklistVersion { get; set; }

    public int ItemCount { get; set; }

    public DateTimeOffset KeptAt { get; set; }

    public string? ChecklistJson { get; set; }

    public string? ChecklistJson2 { get; set; }

    public string? ChecklistJson3 { get; set; }

    public static string RowKeyOf(int version) => $"v{version:D4}";

    public static ChecklistVersionEntity From(string campaignId, int version, Checklist checklist, DateTimeOffset keptAt)
    {
        var parts = StoredChecklist.Split(StoredChecklist.Serialize(checklist));
        return new()
        {
            PartitionKey = campaignId,
            RowKey = RowKeyOf(version),
            CampaignId = campaignId,
            ChecklistVersion = version,
            ItemCount = checklist.ItemCount,
            KeptAt = keptAt,
            ChecklistJson = parts[0],
            ChecklistJson2 = parts[1],
            ChecklistJson3 = parts[2],
        };
    }

    public Checklist ToChecklist() => StoredChecklist.Parse(string.Concat(ChecklistJson, ChecklistJson2, ChecklistJson3));
}
