using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Outbox;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// The daily digest run: for every open campaign, saves today's <c>StatusSnapshots</c> rows, then plans one email per
/// recipient and hands them to the outbox (<see cref="MessageOutbox{TRow, TMessage}.QueueAsync"/>). Each email is
/// added as the day's <c>Digests</c> row (an add fails if the row exists) and only then queued, so a timer that fires
/// twice the same day queues nothing twice; a row an earlier run added and never queued is queued now. A digest of the
/// day that lost its message (<see cref="OutboxRecovery"/>) is queued again, claimed with its row's ETag so
/// overlapping runs queue it once; a digest of an earlier day that never went out is superseded, since today's covers
/// it. The content is not built here: <see cref="DigestOutboxKind"/> builds it when it is sent.
/// </summary>
public sealed class DailyDigestService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    StatusService status,
    StatusSnapshotStore snapshots,
    DigestStore digests,
    MessageOutbox<DigestEntity, DigestMessage> outbox,
    TimeProvider clock,
    ILogger<DailyDigestService> logger)
{
    public async Task<DailyDigestResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var lost = (await digests.ReadWaitingUpToAsync(DigestEntity.PartitionFor(today), cancellationToken))
            .Where(row => OutboxRecovery.IsLost(row.State, row.LastTouched(), now))
            .ToList();
        var open = new List<OpenCampaign>();
        foreach (var listed in (await campaigns.ListAsync(cancellationToken)).Where(c => c.IsOpenAt(now)))
        {
            var (campaign, units, reports) = await status.LoadAsync(listed.CampaignId, cancellationToken);
            var campaignStatus = StatusCalculator.Calculate(campaign, units, reports, now);
            await snapshots.UpsertAsync(StatusSnapshotEntity.From(campaignStatus, today, now), cancellationToken);
            open.Add(new OpenCampaign(campaign, campaignStatus));
        }

        var plans = open.Count == 0 ? [] : DigestPlanner.Plan(open, await roster.ReadDistrictsAsync(cancellationToken));
        var queued = await outbox.QueueAsync(
            [.. plans.Select(plan => DigestEntity.Planned(today, plan, now))], lost, row => DigestOutboxKind.IsOfTheDay(row, now), cancellationToken);
        // A row this run found lost and queued again is also one it met when adding today's rows: it counts as requeued.
        var requeued = queued.Requeued.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var alreadyPlanned = queued.Existing.Count(r => !requeued.Contains(r.RowKey));
        var onQueue = queued.Added.Count + queued.Resumed.Count + queued.Requeued.Count;
        if (open.Count == 0)
        {
            logger.LogInformation("Daily digest for {Date}: no open campaign, nothing to plan; {Requeued} lost digests queued again, {Superseded} earlier ones superseded",
                DigestEntity.PartitionFor(today), queued.Requeued.Count, queued.Superseded);
            return new DailyDigestResult(0, 0, onQueue, 0, queued.Requeued.Count, queued.Superseded);
        }

        logger.LogInformation(
            "Daily digest for {Date}: {Queued} digests queued ({Requeued} of them lost and queued again), {AlreadyPlanned} already planned today, {Superseded} earlier ones superseded, {Recipients} recipients across {Campaigns} open campaigns",
            DigestEntity.PartitionFor(today), onQueue, queued.Requeued.Count, alreadyPlanned, queued.Superseded, plans.Count, open.Count);
        return new DailyDigestResult(open.Count, plans.Count, onQueue, alreadyPlanned, queued.Requeued.Count, queued.Superseded);
    }
}
