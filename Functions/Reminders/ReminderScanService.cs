using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Deadlines;
using TetReadiness.Outbox;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// Finds the units of every open campaign that have not reported and hands their reminders to the outbox
/// (<see cref="MessageOutbox{TRow, TMessage}.QueueAsync"/>). Each decision is added as a row of <c>Reminders</c>
/// (an add fails if the row exists), and only what this scan added is queued, so a timer that fires twice or overlaps
/// itself queues nothing twice. A reminder whose message was lost (<see cref="OutboxRecovery"/>) is queued again by
/// the next scan while it is still due, and superseded otherwise; the outbox claims its row with the row's ETag first,
/// so overlapping scans queue it once. Each unit climbs the ladder towards its own deadline (<see cref="IUnitDeadlines"/>).
/// Manual reminders (<see cref="ManualReminder"/>) are no step of the ladder; one found lost is queued again while it
/// is still due and the unit has still not reported (or its report is still returned). Reads are one query per page
/// of units, submissions, reminders and units' deadlines; rows are written 100 to a batch.
/// </summary>
public sealed class ReminderScanService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    ReminderStore reminders,
    IUnitDeadlines unitDeadlines,
    MessageOutbox<ReminderEntity, ReminderMessage> outbox,
    TimeProvider clock,
    ILogger<ReminderScanService> logger)
{

    public async Task<ReminderScanResult> ScanAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var open = (await campaigns.ListAsync(cancellationToken)).Where(c => c.IsOpenAt(now)).ToList();
        if (open.Count == 0)
        {
            return new ReminderScanResult(0, 0, 0, 0, 0);
        }

        var coordinators = (await roster.ReadDistrictsAsync(cancellationToken)).ToDictionary(d => d.DistrictId, d => d.CoordinatorEmails);
        var units = new List<RosterUnit>();
        await foreach (var unit in roster.ReadCurrentUnitsAsync(cancellationToken))
        {
            if (unit.Active)
            {
                units.Add(unit);
            }
        }

        var total = new ReminderScanResult(open.Count, 0, 0, 0, 0);
        foreach (var campaign in open)
        {
            var result = await ScanCampaignAsync(campaign, units, coordinators, now, cancellationToken);
            total = total with
            {
                Queued = total.Queued + result.Queued,
                Failed = total.Failed + result.Failed,
                Superseded = total.Superseded + result.Superseded,
                Requeued = total.Requeued + result.Requeued,
            };
        }

        logger.LogInformation("Reminder scan: {Campaigns} open campaigns, {Queued} reminders queued, {Failed} failed (no email), {Superseded} superseded, {Requeued} requeued",
            total.Campaigns, total.Queued, total.Failed, total.Superseded, total.Requeued);
        return total;
    }

    private async Task<ReminderScanResult> ScanCampaignAsync(
        Campaign campaign, IReadOnlyList<RosterUnit> units, IReadOnlyDictionary<string, IReadOnlyList<string>> coordinators, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = VietnamTime.DateOf(now);
        var reports = await submissions.ReadReportsAsync(campaign.CampaignId, cancellationToken);
        var deadlines = await unitDeadlines.ReadAsync(campaign, cancellationToken);
        var recorded = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var lost = new List<ReminderEntity>();
        await foreach (var row in reminders.ReadCampaignAsync(campaign.CampaignId, cancellationToken))
        {
            if (!ManualReminder.IsManual(row.Checkpoint))
            {
                (recorded.TryGetValue(row.UnitId, out var set) ? set : recorded[row.UnitId] = []).Add(row.Checkpoint);
            }

            if (OutboxRecovery.IsLost(row.State, row.LastTouched(), now))
            {
                lost.Add(row);
            }
        }

        var rows = new List<ReminderEntity>();
        var opensDate = VietnamTime.DateOf(campaign.OpensAt);
        var campaignDeadlineDate = VietnamTime.DateOf(campaign.Deadline);
        (DateOnly Date, string KeySuffix) LadderOf(string unitId)
        {
            var date = VietnamTime.DateOf(deadlines.DeadlineOf(unitId));
            return (date, ReminderPolicy.KeySuffix(campaignDeadlineDate, date));
        }

        var silent = units.Where(u => !reports.ContainsKey(u.UnitId)).Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        var returned = reports.Values.Where(r => r.ReviewState == ReviewStates.Returned).Select(r => r.UnitId).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in units.Where(u => !reports.ContainsKey(u.UnitId)))
        {
            var (deadlineDate, keySuffix) = LadderOf(unit.UnitId);
            var decision = ReminderPolicy.Decide(opensDate, deadlineDate, today, recorded.GetValueOrDefault(unit.UnitId) ?? [], keySuffix);
            if (decision is null)
            {
                continue;
            }

            var cc = decision.Send.Escalated ? coordinators.GetValueOrDefault(unit.DistrictId) ?? [] : [];
            rows.Add(Row(campaign, unit, decision.Send, today, now, unit.OfficerEmails.Count == 0 ? ReminderState.Failed : ReminderState.Queued, unit.OfficerEmails, cc));
            rows.AddRange(decision.Superseded.Select(c => Row(campaign, unit, c, today, now, ReminderState.Superseded, [], [])));
        }

        bool StillDue(ReminderEntity row)
        {
            if (ManualReminder.IsManual(row.Checkpoint))
            {
                return (silent.Contains(row.UnitId) || returned.Contains(row.UnitId)) && ManualReminder.IsStillDue(row.DecidedAt, now);
            }

            var (deadlineDate, keySuffix) = LadderOf(row.UnitId);
            return silent.Contains(row.UnitId) && ReminderPolicy.IsStillDue(opensDate, deadlineDate, today, row.Checkpoint, keySuffix);
        }

        var queued = await outbox.QueueAsync(rows, lost, StillDue, cancellationToken);
        var added = queued.Added;
        var toQueue = added.Where(r => r.State == ReminderState.Queued).ToList();
        foreach (var failed in added.Where(r => r.State == ReminderState.Failed))
        {
            logger.LogWarning("Reminder for {CampaignId}/{UnitId} not sent: the unit has no officer email", failed.CampaignId, failed.UnitId);
        }

        if (lost.Count > 0)
        {
            logger.LogWarning("Reminder scan of {CampaignId}: {Lost} reminders had lost their message; {Requeued} queued again, {Superseded} superseded",
                campaign.CampaignId, lost.Count, queued.Requeued.Count, queued.Superseded);
        }

        return new ReminderScanResult(1, toQueue.Count, added.Count(r => r.State == ReminderState.Failed), added.Count(r => r.State == ReminderState.Superseded) + queued.Superseded, queued.Requeued.Count);
    }

    private static ReminderEntity Row(Campaign campaign, RosterUnit unit, ReminderCheckpoint checkpoint, DateOnly today, DateTimeOffset now, string state, IReadOnlyList<string> to, IReadOnlyList<string> cc) => new()
    {
        PartitionKey = campaign.CampaignId,
        RowKey = ReminderEntity.RowKeyFor(unit.UnitId, checkpoint.Key),
        CampaignId = campaign.CampaignId,
        UnitId = unit.UnitId,
        UnitName = unit.UnitName,
        DistrictId = unit.DistrictId,
        DistrictName = unit.DistrictName,
        Checkpoint = checkpoint.Key,
        Kind = checkpoint.Kind,
        ReminderDate = today.ToString("yyyy-MM-dd"),
        DaysLeft = checkpoint.DaysLeft,
        DaysOverdue = checkpoint.DaysOverdue,
        Escalated = checkpoint.Escalated,
        State = state,
        Recipients = Emails.Join(to),
        Cc = Emails.Join(cc),
        IdempotencyKey = $"{campaign.CampaignId}|{unit.UnitId}|{checkpoint.Key}",
        LastError = state == ReminderState.Failed ? "Đơn vị chưa có email cán bộ trong danh sách. (The unit has no officer email in the roster.)" : null,
        DecidedAt = now,
    };
}
