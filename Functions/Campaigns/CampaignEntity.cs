using Azure;
using Azure.Data.Tables;
using TetReadiness.Common;

namespace TetReadiness.Campaigns;

/// <summary>
/// A row of <c>Campaigns</c>: partition <c>campaigns</c>, row key = campaign id. The row holds its checklist as JSON
/// (<see cref="StoredChecklist"/>), so the row alone is the campaign; <c>ChecklistItems</c> is its projection for Power BI.
/// </summary>
internal sealed class CampaignEntity : ITableEntity
{
    public const string Partition = "campaigns";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string CampaignId { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public DateTimeOffset OpensAt { get; set; }

    public DateTimeOffset Deadline { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public string DigestRecipients { get; set; } = string.Empty;

    public int ChecklistVersion { get; set; }

    public int ItemCount { get; set; }

    /// <summary>
    /// The newest checklist version that may have been answered (<see cref="ChecklistVersioning"/>): never edited
    /// again. Null on rows saved before versions were sealed.
    /// </summary>
    public int? SealedVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RosterFrozenAt { get; set; }

    public string? ChecklistJson { get; set; }

    public string? ChecklistJson2 { get; set; }

    public string? ChecklistJson3 { get; set; }

    public static CampaignEntity From(Campaign campaign, int sealedVersion, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        var parts = StoredChecklist.Split(StoredChecklist.Serialize(campaign.Checklist));
        return new()
        {
            RowKey = campaign.CampaignId,
            CampaignId = campaign.CampaignId,
            Title = campaign.Title,
            OpensAt = campaign.OpensAt.ToUniversalTime(),
            Deadline = campaign.Deadline.ToUniversalTime(),
            ClosesAt = campaign.ClosesAt.ToUniversalTime(),
            DigestRecipients = Emails.Join(campaign.DigestRecipients),
            ChecklistVersion = campaign.ChecklistVersion,
            ItemCount = campaign.Checklist.ItemCount,
            SealedVersion = sealedVersion,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            RosterFrozenAt = campaign.RosterFrozenAt,
            ChecklistJson = parts[0],
            ChecklistJson2 = parts[1],
            ChecklistJson3 = parts[2],
        };
    }

    /// <summary>The checklist stored in the row.</summary>
    public Checklist ReadStoredChecklist() => StoredChecklist.Parse(string.Concat(ChecklistJson, ChecklistJson2, ChecklistJson3));

    public Campaign ToCampaign() => new(
        CampaignId, Title, OpensAt, Deadline, ClosesAt, Emails.Parse(DigestRecipients), ChecklistVersion, ReadStoredChecklist(), RosterFrozenAt);
}
