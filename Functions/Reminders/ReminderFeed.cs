using TetReadiness.FeedSchema;
using TetReadiness.Storage;
using static TetReadiness.FeedSchema.FeedColumns;

namespace TetReadiness.Reminders;

/// <summary>The reminders' table in the reporting feed (the Power BI contract, docs/power-bi-schema.json). Recipients stay out: only their count is published.</summary>
public static class ReminderFeed
{
    public static FeedTable Reminders { get; } = new("reminders", ReminderTables.Reminders,
    [
        CampaignUnitKey(),
        Text("campaignId", nameof(ReminderEntity.CampaignId)),
        Text("unitId", nameof(ReminderEntity.UnitId)),
        Text("unitName", nameof(ReminderEntity.UnitName)),
        Text("districtId", nameof(ReminderEntity.DistrictId)),
        Text("districtName", nameof(ReminderEntity.DistrictName)),
        Text("checkpoint", nameof(ReminderEntity.Checkpoint)),
        Text("kind", nameof(ReminderEntity.Kind)),
        Date("reminderDate", nameof(ReminderEntity.ReminderDate)),
        Int("daysLeft", nameof(ReminderEntity.DaysLeft)),
        Int("daysOverdue", nameof(ReminderEntity.DaysOverdue)),
        Bool("escalated", nameof(ReminderEntity.Escalated)),
        Text("state", nameof(ReminderEntity.State)),
        Int("attempts", nameof(ReminderEntity.Attempts)),
        Computed("recipientCount", FeedColumnType.Int, row => FeedValues.Count(row.Entity, nameof(ReminderEntity.Recipients)), nameof(ReminderEntity.Recipients)),
        .. Instant("decidedAt", nameof(ReminderEntity.DecidedAt)),
        .. Instant("claimedAt", nameof(ReminderEntity.ClaimedAt)),
        .. Instant("sentAt", nameof(ReminderEntity.SentAt)),
        Modified(),
    ])
    {
        PerCampaign = campaign => new FeedQuery(ReminderTables.Reminders, TableQueries.Partition(campaign.CampaignId)),
    };
}
