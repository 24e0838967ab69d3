namespace TetReadiness.FeedSchema;

/// <summary>What a feed table read campaign by campaign knows of the campaign: its id, current checklist version, and when its roster was frozen.</summary>
public sealed record FeedCampaign(string CampaignId, int ChecklistVersion, DateTimeOffset? RosterFrozenAt);
