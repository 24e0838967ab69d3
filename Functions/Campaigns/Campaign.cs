namespace TetReadiness.Campaigns;

/// <summary>
/// A readiness campaign (one per Tết, or any check the city runs). Campaigns are data: a new year is a new row.
/// </summary>
public sealed record Campaign(
    string CampaignId,
    string Title,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    DateTimeOffset ClosesAt,
    IReadOnlyList<string> DigestRecipients,
    int ChecklistVersion,
    Checklist Checklist,
    DateTimeOffset? RosterFrozenAt = null)
{
    public static readonly TimeSpan DefaultCloseAfterDeadline = TimeSpan.FromDays(14);

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;

    public bool IsClosedAt(DateTimeOffset now) => now >= ClosesAt;
}
