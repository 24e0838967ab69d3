using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Outbox;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// Reminders as a kind of outbox message: what a message coming back from <c>reminders-poison</c> reopens. A
/// reminder whose attempts ran out is queued again with a fresh round of attempts; one still waiting is marked as
/// queued again now; a sent one stays sent, so the sender's claim skips it. A reminder no longer due (its campaign
/// closed, or a later checkpoint is due) is superseded instead: a re-drive days later must not send a stale reminder.
/// </summary>
public sealed class ReminderOutboxKind(StorageTables tables, ICampaignDirectory campaigns, TimeProvider clock, ILogger<ReminderOutboxKind> logger) : IOutboxKind
{
    public string QueueName => QueueNames.Reminders;

    public async Task<int> ReopenAsync(string message, CancellationToken cancellationToken)
    {
        var sendable = 0;
        foreach (var reminder in ReminderQueuePayload.Parse(message))
        {
            if (await ReopenAsync(reminder, cancellationToken))
            {
                sendable++;
            }
        }

        return sendable;
    }

    private async Task<bool> ReopenAsync(ReminderMessage reminder, CancellationToken cancellationToken)
    {
        var found = await tables.Reminders.GetEntityIfExistsAsync<ReminderEntity>(reminder.CampaignId, ReminderEntity.RowKeyFor(reminder.UnitId, reminder.Checkpoint), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            return false;
        }

        var row = found.Value!;
        var gaveUp = row is { State: ReminderState.Failed, GaveUpAt: not null };
        if (!gaveUp && !OutboxState.IsWaiting(row.State))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var campaign = await campaigns.FindAsync(row.CampaignId, cancellationToken);
        var stillDue = campaign is not null && campaign.IsOpenAt(now)
            && ReminderPolicy.IsStillDue(VietnamTime.DateOf(campaign.OpensAt), VietnamTime.DateOf(campaign.Deadline), VietnamTime.DateOf(now), row.Checkpoint);
        if (!stillDue)
        {
            row.State = ReminderState.Superseded;
            row.LastError = "Không gửi: khi được đưa lại hàng đợi, lời nhắc đã không còn cần. (Re-driven when no longer due: a later reminder or the campaign's close covers it.)";
        }
        else if (gaveUp)
        {
            row.State = ReminderState.Queued;
            row.GaveUpAt = null;
            row.Redrives++;
        }

        row.RequeuedAt = now;
        try
        {
            await tables.Reminders.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // A sender or a scan wrote it meanwhile; the sender's own claim decides whether it goes out.
            logger.LogInformation("Reminder {IdempotencyKey} changed while being reopened; left as it is", row.IdempotencyKey);
            return false;
        }

        return stillDue;
    }
}
