using Microsoft.Extensions.Logging;
using TetReadiness.Audit;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Deadlines;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Outbox;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// One reminder to a unit now, asked for by one of its coordinators: the scan's kind of message (same outbox, same
/// template, the unit's signed link), recorded in <c>Reminders</c> as <c>manual-{yyyyMMddHHmm}</c>. Only while the
/// campaign is open and the unit has not reported or its report was returned, and at most once in
/// <see cref="ManualReminder.MinInterval"/>: the unit's row of <c>ManualReminders</c> is claimed under its ETag first,
/// so of two racing requests one queues and the other is refused. A reminder that could not be queued takes its claim
/// back. Audited (<c>reminder.manual</c>): an email went out in the coordinator's name.
/// </summary>
public sealed class ManualReminderService(
    CoordinatedUnits units,
    CampaignService campaigns,
    ISubmissionReports submissions,
    IUnitDeadlines deadlines,
    ManualReminderMarks marks,
    MessageOutbox<ReminderEntity, ReminderMessage> outbox,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<ManualReminderService> logger)
{
    public async Task<ManualReminderReceipt> RemindAsync(Caller caller, string campaignId, string unitId, CancellationToken cancellationToken)
    {
        var unit = await units.RequireCoordinatorAsync(caller, campaignId, unitId, activeOnly: true, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var now = clock.GetUtcNow();
        if (now < campaign.OpensAt)
        {
            var opensAt = VietnamTime.Format(campaign.OpensAt);
            throw Refusal.Conflict(c => c.CampaignNotOpenYet(opensAt));
        }

        if (campaign.IsClosedAt(now))
        {
            var closedAt = VietnamTime.Format(campaign.ClosesAt);
            throw Refusal.Conflict(c => c.CampaignClosed(closedAt));
        }

        var report = await submissions.ReadUnitReportAsync(campaignId, unit.DistrictId, unitId, cancellationToken);
        if (report is { ReviewState: var state } && state != ReviewStates.Returned)
        {
            throw Refusal.Conflict(c => c.NothingToRemind(state));
        }

        if (unit.OfficerEmails.Count == 0)
        {
            throw Refusal.Conflict(c => c.NobodyToRemind());
        }

        var previous = await marks.ReadAsync(campaignId, unitId, cancellationToken);
        RequireInterval(previous, now);
        var deadline = await deadlines.ReadDeadlineAsync(campaign, unitId, cancellationToken);
        var checkpoint = ManualReminder.Decide(now, VietnamTime.DateOf(deadline));
        var claimed = await marks.TryClaimAsync(campaignId, unitId, previous, checkpoint.Key, now, caller.Identity, cancellationToken);
        if (claimed is null)
        {
            // Another coordinator's request got there first: it is the one that reminds.
            RequireInterval(await marks.ReadAsync(campaignId, unitId, cancellationToken), now);
            throw Refusal.Conflict(c => c.UnitChangedConcurrently());
        }

        var row = Row(campaign, unit, checkpoint, ManualReminder.KindOf(checkpoint, report is not null), now);
        OutboxQueueResult<ReminderEntity> queued;
        try
        {
            queued = await outbox.QueueAsync([row], [], _ => false, cancellationToken);
        }
        catch
        {
            await marks.UndoAsync(campaignId, unitId, previous, claimed);
            throw;
        }

        if (queued.Added.Count == 0)
        {
            // This minute's row exists already (only if its claim was taken back after its row was added): it stands.
            await marks.UndoAsync(campaignId, unitId, previous, claimed);
            RequireInterval(claimed with { LastRemindedAt = now }, now);
        }

        logger.LogInformation("Manual reminder {Checkpoint} queued for {CampaignId}/{UnitId}", checkpoint.Key, campaignId, unitId);
        await audit.RecordAsync(caller, "reminder.manual", $"{campaignId}/{unitId}", $"{checkpoint.Key} ({row.Kind})", cancellationToken);
        return new ManualReminderReceipt(checkpoint.Key, VietnamTime.ToVietnam(now));
    }

    /// <summary>409 while the last manual reminder is more recent than <see cref="ManualReminder.MinInterval"/>; it says when it went, also as <c>lastRemindedAt</c>.</summary>
    private static void RequireInterval(ManualReminderMark? last, DateTimeOffset now)
    {
        if (last is null || ManualReminder.NotBefore(last.LastRemindedAt, now) is not { } next)
        {
            return;
        }

        var lastText = VietnamTime.Format(last.LastRemindedAt);
        var nextText = VietnamTime.Format(next);
        throw new RefusalException(RefusalKind.Conflict, c => c.RemindedRecently(lastText, nextText))
        {
            Extensions = new Dictionary<string, object?>
            {
                ["lastRemindedAt"] = VietnamTime.ToVietnam(last.LastRemindedAt),
                ["nextAllowedAt"] = VietnamTime.ToVietnam(next),
            },
        };
    }

    private static ReminderEntity Row(Campaign campaign, RosterUnit unit, ReminderCheckpoint checkpoint, string kind, DateTimeOffset now) => new()
    {
        PartitionKey = campaign.CampaignId,
        RowKey = ReminderEntity.RowKeyFor(unit.UnitId, checkpoint.Key),
        CampaignId = campaign.CampaignId,
        UnitId = unit.UnitId,
        UnitName = unit.UnitName,
        DistrictId = unit.DistrictId,
        DistrictName = unit.DistrictName,
        Checkpoint = checkpoint.Key,
        Kind = kind,
        ReminderDate = checkpoint.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DaysLeft = checkpoint.DaysLeft,
        DaysOverdue = checkpoint.DaysOverdue,
        Escalated = false,
        State = ReminderState.Queued,
        Recipients = Emails.Join(unit.OfficerEmails),
        Cc = string.Empty,
        IdempotencyKey = $"{campaign.CampaignId}|{unit.UnitId}|{checkpoint.Key}",
        DecidedAt = now,
    };
}
