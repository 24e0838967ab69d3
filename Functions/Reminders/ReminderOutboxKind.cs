using Microsoft.Extensions.Options;
using TetReadiness.Campaigns;
using TetReadiness.Deadlines;
using TetReadiness.Links;
using TetReadiness.Outbox;
using TetReadiness.Platform;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// Reminders as a kind of outbox message. Queue <c>reminders</c> carries up to
/// <see cref="ReminderOptions.RemindersPerMessage"/> of them per message (<see cref="ReminderQueuePayload"/>); each
/// is an email to the unit's officers (and, once escalated, its area's coordinators) carrying the unit's own signed
/// link. A reminder poison re-drive brings back is sent only while its campaign is open and its checkpoint is still
/// the one due (for a manual reminder: while it is <see cref="ManualReminder.IsStillDue"/>): a re-drive days later must
/// not send a stale reminder. The deadline a reminder states, and the ladder it is checked against, are the unit's own.
/// </summary>
public sealed class ReminderOutboxKind(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    UnitLinkService links,
    IUnitDeadlines deadlines,
    IOptions<AppOptions> app,
    IOptions<ReminderOptions> options) : IOutboxKind<ReminderEntity, ReminderMessage>
{
    public string Name => "Reminder";

    public string QueueName => QueueNames.Reminders;

    public int EnqueueParallelism => options.Value.EnqueueParallelism;

    public int SendParallelism => options.Value.SendParallelismPerMessage;

    public ReminderMessage MessageFor(ReminderEntity row) => ReminderMessage.From(row);

    public IEnumerable<OutboxQueueMessage<ReminderEntity>> Pack(IReadOnlyList<ReminderEntity> rows)
    {
        var sent = 0;
        foreach (var (json, reminders) in ReminderQueuePayload.Pack(rows.Select(ReminderMessage.From), options.Value.RemindersPerMessage))
        {
            yield return new OutboxQueueMessage<ReminderEntity>(json, rows.Skip(sent).Take(reminders.Count).ToList());
            sent += reminders.Count;
        }
    }

    public IReadOnlyList<ReminderMessage> Parse(string body) => ReminderQueuePayload.Parse(body);

    public string LogIdOf(ReminderMessage message) => message.IdempotencyKey;

    public async Task<OutboxComposition> ComposeAsync(ReminderEntity row, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(row.CampaignId, cancellationToken);
        var unit = await roster.GetUnitAsync(row.UnitId, cancellationToken);
        return campaign is null || unit is null
            ? OutboxComposition.Nothing("The campaign or the unit no longer exists.")
            : OutboxComposition.Of(ReminderEmail.Compose(row, campaign.Title, (await deadlines.ReadAsync(campaign, cancellationToken)).DeadlineOf(unit.UnitId), FormUrl(campaign, unit)));
    }

    public async Task<bool> IsStillDueAsync(ReminderEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.FindAsync(row.CampaignId, cancellationToken);
        if (campaign is null || !campaign.IsOpenAt(now))
        {
            return false;
        }

        if (ManualReminder.IsManual(row.Checkpoint))
        {
            return ManualReminder.IsStillDue(row.DecidedAt, now);
        }

        var campaignDeadlineDate = VietnamTime.DateOf(campaign.Deadline);
        var deadlineDate = VietnamTime.DateOf((await deadlines.ReadAsync(campaign, cancellationToken)).DeadlineOf(row.UnitId));
        return ReminderPolicy.IsStillDue(
            VietnamTime.DateOf(campaign.OpensAt), deadlineDate, VietnamTime.DateOf(now), row.Checkpoint, ReminderPolicy.KeySuffix(campaignDeadlineDate, deadlineDate));
    }

    public string NotSentReason(OutboxSupersession why, DateTimeOffset now) => why == OutboxSupersession.Redriven
        ? "Không gửi: khi được đưa lại hàng đợi, lời nhắc đã không còn cần. (Re-driven when no longer due: a later reminder or the campaign's close covers it.)"
        : "Không gửi: khi được tìm lại, lời nhắc đã không còn cần. (Found lost when no longer due: a later reminder, a report or the roster covers it.)";

    /// <summary>The unit's own signed link, so an officer without an Entra account can report straight from the email.</summary>
    private string FormUrl(Campaign campaign, RosterUnit unit) =>
        links.LinkForReminder(campaign, unit)?.Url ?? app.Value.FormUrl(campaign.CampaignId, unit.UnitId);
}
