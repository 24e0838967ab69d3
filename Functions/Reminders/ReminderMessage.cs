namespace TetReadiness.Reminders;

/// <summary>One reminder (unit, campaign, checkpoint) as it travels on queue <c>reminders</c>, packed by <see cref="ReminderQueuePayload"/>.</summary>
public sealed class ReminderMessage
{
    public string CampaignId { get; set; } = string.Empty;

    public string UnitId { get; set; } = string.Empty;

    public string Checkpoint { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public List<string> Recipients { get; set; } = [];

    public List<string> Cc { get; set; } = [];

    /// <summary><c>{campaignId}|{unitId}|{checkpoint}</c>: the same reminder is never sent twice.</summary>
    public string IdempotencyKey { get; set; } = string.Empty;

    public static ReminderMessage From(ReminderEntity row) => new()
    {
        CampaignId = row.CampaignId,
        UnitId = row.UnitId,
        Checkpoint = row.Checkpoint,
        Kind = row.Kind,
        Recipients = Common.Emails.Parse(row.Recipients).ToList(),
        Cc = Common.Emails.Parse(row.Cc).ToList(),
        IdempotencyKey = row.IdempotencyKey,
    };
}
