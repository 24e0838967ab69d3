using Azure;
using Azure.Data.Tables;
using TetReadiness.Common;

namespace TetReadiness.Campaigns;

/// <summary>A row of <c>Campaigns</c>: partition <c>campaigns</c>, row key = campaign id. The checklist lives in <c>ChecklistItems</c>.</summary>
public sealed class CampaignEntity : ITableEntity
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

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? RosterFrozenAt { get; set; }

    public static CampaignEntity From(Campaign campaign, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new()
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
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
        RosterFrozenAt = campaign.RosterFrozenAt,
    };

    public Campaign ToCampaign(Checklist checklist) => new(
        CampaignId, Title, OpensAt, Deadline, ClosesAt, Emails.Parse(DigestRecipients), ChecklistVersion, checklist, RosterFrozenAt);
}
