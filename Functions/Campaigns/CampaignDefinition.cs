namespace TetReadiness.Campaigns;

/// <summary>The body of <c>PUT /api/campaigns/{campaignId}</c>, as sent; checked by <see cref="CampaignValidator"/>.</summary>
public sealed class CampaignDefinition
{
    public string? Title { get; set; }

    public string? OpensAt { get; set; }

    public string? Deadline { get; set; }

    public string? ClosesAt { get; set; }

    public List<string>? DigestRecipients { get; set; }

    public List<SectionDefinition>? Sections { get; set; }

    public sealed class SectionDefinition
    {
        public string? Id { get; set; }

        public string? Title { get; set; }

        public List<ItemDefinition>? Items { get; set; }
    }

    public sealed class ItemDefinition
    {
        public string? Id { get; set; }

        public string? Text { get; set; }

        public bool Required { get; set; }
    }
}
