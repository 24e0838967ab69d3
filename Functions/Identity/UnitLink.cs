namespace TetReadiness.Identity;

/// <summary>What a verified unit link lets its holder do: read and submit one unit's checklist for one campaign.</summary>
public sealed record UnitLink(string CampaignId, string UnitId, int Generation, DateTimeOffset ExpiresAt);
