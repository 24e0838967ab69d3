using TetReadiness.Time;

namespace TetReadiness.Campaigns;

/// <summary>A campaign as the API returns it: times in Vietnam time with their offset.</summary>
public sealed record CampaignView(
    string CampaignId,
    string Title,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    DateTimeOffset ClosesAt,
    IReadOnlyList<string>? DigestRecipients,
    int Version,
    int ItemCount,
    IReadOnlyList<ChecklistSection> Sections)
{
    public static CampaignView Of(Campaign campaign, bool includeRecipients = true) => new(
        campaign.CampaignId,
        campaign.Title,
        VietnamTime.ToVietnam(campaign.OpensAt),
        VietnamTime.ToVietnam(campaign.Deadline),
        VietnamTime.ToVietnam(campaign.ClosesAt),
        includeRecipients ? campaign.DigestRecipients : null,
        campaign.ChecklistVersion,
        campaign.Checklist.ItemCount,
        campaign.Checklist.Sections);
}
