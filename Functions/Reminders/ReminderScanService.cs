using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Http;
using TetReadiness.Outbox;
using TetReadiness.Roster;
using TetReadiness.Storage;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Reminders;

/// <summary>
/// Finds the units of every open campaign that have not reported and queues their reminders. Each decision is
/// first added as a row of <c>Reminders</c> (an add fails if the row exists), and only what this scan added is
/// queued, so a timer that fires twice or overlaps itself queues nothing twice. A reminder whose message was lost
/// (<see cref="OutboxRecovery"/>) is queued again by the next scan while it is still due, and superseded otherwise;
/// the scan claims its row with the row's ETag first, so overlapping scans queue it once. Reads are one query per
/// page of units, submissions and reminders; rows are written 100 to a batch.
/// </summary>
public sealed class ReminderScanService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    StorageTables tables,
    QueueServiceClient queues,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReminderScanService> logger)
{
    private static readonly string[] ReminderColumns =
        ["RowKey", nameof(ReminderEntity.UnitId), nameof(ReminderEntity.Checkpoint), nameof(ReminderEntity.State), nameof(ReminderEntity.DecidedAt), nameof(ReminderEntity.ClaimedAt), nameof(ReminderEntity.RequeuedAt)];

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
        var recorded = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var lost = new List<ReminderEntity>();
        await foreach (var row in TableQueries.ReadPartitionAsync<ReminderEntity>(tables.Reminders, TableQueries.Partition(campaign.CampaignId), cancellationToken, ReminderColumns))
        {
            (recorded.TryGetValue(row.UnitId, out var set) ? set : recorded[row.UnitId] = []).Add(row.Checkpoint);
            if (OutboxRecovery.IsLost(row.State, row.LastTouched(), now))
            {
                lost.Add(row);
            }
        }

        var rows = new List<ReminderEntity>();
        var opensDate = VietnamTime.DateOf(campaign.OpensAt);
        var deadlineDate = VietnamTime.DateOf(campaign.Deadline);
        var silent = units.Where(u => !reports.ContainsKey(u.UnitId)).Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        var (requeued, lostSuperseded) = await RecoverLostAsync(
            campaign.CampaignId, lost, row => silent.Contains(row.UnitId) && ReminderPolicy.IsStillDue(opensDate, deadlineDate, today, row.Checkpoint), now, cancellationToken);
        foreach (var unit in units.Where(u => !reports.ContainsKey(u.UnitId)))
        {
            var decision = ReminderPolicy.Decide(opensDate, deadlineDate, today, recorded.GetValueOrDefault(unit.UnitId) ?? []);
            if (decision is null)
            {
                continue;
            }

            var cc = decision.Send.Escalated ? coordinators.GetValueOrDefault(unit.DistrictId) ?? [] : [];
            rows.Add(Row(campaign, unit, decision.Send, today, now, unit.OfficerEmails.Count == 0 ? ReminderState.Failed : ReminderState.Queued, unit.OfficerEmails, cc));
            rows.AddRange(decision.Superseded.Select(c => Row(campaign, unit, c, today, now, ReminderState.Superseded, [], [])));
        }

        var added = new List<ReminderEntity>();
        var enqueued = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var completed = false;
        try
        {
            await AddNewAsync(rows, added, cancellationToken);
            await EnqueueAsync(added.Where(r => r.State == ReminderState.Queued).Concat(requeued), enqueued, cancellationToken);
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                // Cancelled (host shutting down, timeout) or failed between adding rows and queueing them: a row this
                // scan added but did not queue would stop the next scan from deciding it again, so it is taken back.
                await TakeBackUnqueuedAsync(added.Where(r => r.State == ReminderState.Queued && !enqueued.ContainsKey(r.RowKey)).ToList());
            }
        }

        var toQueue = added.Where(r => r.State == ReminderState.Queued).ToList();
        foreach (var failed in added.Where(r => r.State == ReminderState.Failed))
        {
            logger.LogWarning("Reminder for {CampaignId}/{UnitId} not sent: the unit has no officer email", failed.CampaignId, failed.UnitId);
        }

        if (lost.Count > 0)
        {
            logger.LogWarning("Reminder scan of {CampaignId}: {Lost} reminders had lost their message; {Requeued} queued again, {Superseded} superseded",
                campaign.CampaignId, lost.Count, requeued.Count, lostSuperseded);
        }

        return new ReminderScanResult(1, toQueue.Count, added.Count(r => r.State == ReminderState.Failed), added.Count(r => r.State == ReminderState.Superseded) + lostSuperseded, requeued.Count);
    }

    /// <summary>
    /// Each lost row is read again and settled with its ETag: queued again now (<see cref="ReminderEntity.RequeuedAt"/>)
    /// while it is still due, superseded otherwise. A row another scan or a sender wrote in between is left to them.
    /// A row queued again whose message then fails to reach the queue is simply lost again, and found an hour later.
    /// </summary>
    private async Task<(List<ReminderEntity> Requeued, int Superseded)> RecoverLostAsync(
        string campaignId, IReadOnlyList<ReminderEntity> lost, Func<ReminderEntity, bool> stillDue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requeued = new List<ReminderEntity>();
        var superseded = 0;
        foreach (var seen in lost)
        {
            var found = await tables.Reminders.GetEntityIfExistsAsync<ReminderEntity>(campaignId, seen.RowKey, cancellationToken: cancellationToken);
            if (!found.HasValue || !OutboxRecovery.IsLost(found.Value!.State, found.Value.LastTouched(), now))
            {
                continue;
            }

            var row = found.Value;
            var send = stillDue(row);
            if (send)
            {
                row.RequeuedAt = now;
            }
            else
            {
                row.State = ReminderState.Superseded;
                row.LastError = "Không gửi: khi được tìm lại, lời nhắc đã không còn cần. (Found lost when no longer due: a later reminder, a report or the roster covers it.)";
            }

            try
            {
                await tables.Reminders.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                continue;
            }

            if (send)
            {
                requeued.Add(row);
            }
            else
            {
                superseded++;
            }
        }

        return (requeued, superseded);
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

    /// <summary>Adds the rows 100 to a batch; a batch that meets a row another scan added is retried row by row.</summary>
    private async Task AddNewAsync(IReadOnlyList<ReminderEntity> rows, List<ReminderEntity> added, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(TableBatches.MaxBatchSize))
        {
            try
            {
                await tables.Reminders.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), cancellationToken);
                added.AddRange(chunk);
            }
            catch (OperationCanceledException)
            {
                // Cancelled with the batch sent: it may have been committed, so its rows are taken back with the rest.
                added.AddRange(chunk);
                throw;
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409)
            {
                foreach (var row in chunk)
                {
                    try
                    {
                        await tables.Reminders.AddEntityAsync(row, cancellationToken);
                        added.Add(row);
                    }
                    catch (RequestFailedException conflict) when (conflict.Status == 409)
                    {
                        // Another scan decided this one first; it queues it.
                    }
                }
            }
        }
    }

    /// <summary>
    /// Best effort, and deliberately not cancellable: it runs because the scan was cancelled. A row left behind
    /// (storage gone too) is lost, and a later scan queues it again (<see cref="OutboxRecovery.LostAfter"/>).
    /// </summary>
    private async Task TakeBackUnqueuedAsync(IReadOnlyList<ReminderEntity> rows)
    {
        foreach (var row in rows)
        {
            try
            {
                // Only a row nothing has touched: a queue write can succeed although the scan saw it fail (a
                // timeout), and a sender may then have claimed or sent the row; deleting that would send it twice.
                var current = await tables.Reminders.GetEntityIfExistsAsync<ReminderEntity>(row.PartitionKey, row.RowKey, cancellationToken: CancellationToken.None);
                if (current is { HasValue: true, Value: { State: ReminderState.Queued, ClaimedAt: null } untouched })
                {
                    await tables.Reminders.DeleteEntityAsync(row.PartitionKey, row.RowKey, untouched.ETag, CancellationToken.None);
                }
            }
            catch (Exception exception) when (StorageFaults.IsUnavailable(exception) || exception is RequestFailedException)
            {
                logger.LogWarning(exception, "Reminder {CampaignId}/{UnitId} was decided but not queued; a later scan requeues it", row.CampaignId, row.UnitId);
            }
        }

        if (rows.Count > 0)
        {
            logger.LogWarning("Reminder scan interrupted: took back {Count} decided but unqueued reminders for the next scan", rows.Count);
        }
    }

    private async Task EnqueueAsync(IEnumerable<ReminderEntity> rows, ConcurrentDictionary<string, bool> enqueued, CancellationToken cancellationToken)
    {
        var reminders = rows.Select(ReminderMessage.From).ToList();
        if (reminders.Count == 0)
        {
            return;
        }

        var messages = ReminderQueuePayload.Pack(reminders, options.Value.RemindersPerMessage).ToList();
        var queue = queues.GetQueueClient(QueueNames.Reminders);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.EnqueueParallelism), CancellationToken = cancellationToken },
            async (message, token) =>
            {
                await queue.SendMessageAsync(message.Json, token);
                foreach (var reminder in message.Reminders)
                {
                    enqueued[ReminderEntity.RowKeyFor(reminder.UnitId, reminder.Checkpoint)] = true;
                }
            });
        logger.LogInformation("Queued {Reminders} reminders in {Messages} messages", reminders.Count, messages.Count);
    }
}
