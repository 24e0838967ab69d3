using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Http;
using TetReadiness.Outbox;
using TetReadiness.Roster;
using TetReadiness.Status;
using TetReadiness.Storage;
using TetReadiness.Time;

namespace TetReadiness.Digests;

/// <summary>
/// The daily digest run: for every open campaign, saves today's <c>StatusSnapshots</c> rows, then plans one email per
/// recipient and queues it. Each email is first added as the day's <c>Digests</c> row (an add fails if the row exists)
/// and only then queued, so a timer that fires twice the same day queues nothing twice. A digest of the day that lost
/// its message (<see cref="OutboxRecovery"/>) is queued again, claimed with its row's ETag so overlapping runs queue
/// it once; a digest of an earlier day that never went out is superseded, since today's covers it. The content is not
/// built here: <see cref="DigestSender"/> builds it when it sends.
/// </summary>
public sealed class DailyDigestService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    StatusService status,
    StatusSnapshotStore snapshots,
    DigestStore digests,
    QueueServiceClient queues,
    TimeProvider clock,
    ILogger<DailyDigestService> logger)
{
    /// <summary>Recipients planned and queued at once.</summary>
    public const int EnqueueParallelism = 16;

    public async Task<DailyDigestResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.DateOf(now);
        var superseded = await SupersedeEarlierAsync(DigestEntity.PartitionFor(today), now, cancellationToken);
        var open = new List<OpenCampaign>();
        foreach (var listed in (await campaigns.ListAsync(cancellationToken)).Where(c => c.IsOpenAt(now)))
        {
            var (campaign, units, reports) = await status.LoadAsync(listed.CampaignId, cancellationToken);
            var campaignStatus = StatusCalculator.Calculate(campaign, units, reports, now);
            await snapshots.UpsertAsync(StatusSnapshotEntity.From(campaignStatus, today, now), cancellationToken);
            open.Add(new OpenCampaign(campaign, campaignStatus));
        }

        if (open.Count == 0)
        {
            logger.LogInformation("Daily digest for {Date}: no open campaign, nothing to send", DigestEntity.PartitionFor(today));
            return new DailyDigestResult(0, 0, 0, 0, 0, superseded);
        }

        var plans = DigestPlanner.Plan(open, await roster.ReadDistrictsAsync(cancellationToken));
        var queue = queues.GetQueueClient(QueueNames.Digests);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var queued = 0;
        var alreadyPlanned = 0;
        var requeued = 0;
        await Parallel.ForEachAsync(
            plans,
            new ParallelOptions { MaxDegreeOfParallelism = EnqueueParallelism, CancellationToken = cancellationToken },
            async (plan, token) =>
            {
                var row = DigestEntity.Planned(today, plan, now);
                if (!await digests.TryAddAsync(row, token))
                {
                    var existing = await digests.GetAsync(row.PartitionKey, plan.Recipient, token);
                    if (existing is not null && OutboxRecovery.IsLost(existing.State, existing.LastTouched(), now))
                    {
                        // Its message never sent it. Claimed first, so an overlapping run does not queue it too.
                        existing.RequeuedAt = now;
                        if (!await digests.TryReplaceAsync(existing, token))
                        {
                            Interlocked.Increment(ref alreadyPlanned);
                            return;
                        }

                        Interlocked.Increment(ref requeued);
                    }
                    else if (existing is not { State: DigestState.Queued, EnqueuedAt: null })
                    {
                        Interlocked.Increment(ref alreadyPlanned);
                        return;
                    }

                    // Planned by a run that stopped before queueing it, or lost since. Should another message for it
                    // exist after all, the sender's claim on the row keeps the digest from going out twice.
                    row = existing;
                }

                await queue.SendMessageAsync(JsonSerializer.Serialize(DigestMessage.From(row), ApiJson.Options), token);
                await digests.MarkEnqueuedAsync(row, clock.GetUtcNow(), token);
                Interlocked.Increment(ref queued);
            });

        logger.LogInformation(
            "Daily digest for {Date}: {Queued} digests queued ({Requeued} of them lost and queued again), {AlreadyPlanned} already planned today, {Superseded} earlier ones superseded, {Recipients} recipients across {Campaigns} open campaigns",
            DigestEntity.PartitionFor(today), queued, requeued, alreadyPlanned, superseded, plans.Count, open.Count);
        return new DailyDigestResult(open.Count, plans.Count, queued, alreadyPlanned, requeued, superseded);
    }

    /// <summary>
    /// A digest of an earlier day that lost its message is not sent late: today's digest reports the same campaigns
    /// with today's numbers. Each is superseded with its row's ETag, so a sender that claimed it meanwhile wins.
    /// </summary>
    private async Task<int> SupersedeEarlierAsync(string today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var superseded = 0;
        foreach (var row in await digests.ReadWaitingBeforeAsync(today, cancellationToken))
        {
            if (!OutboxRecovery.IsLost(row.State, row.LastTouched(), now))
            {
                continue;
            }

            row.State = DigestState.Superseded;
            row.LastError = $"Không gửi: thư của ngày {today} thay thế. (Never went out; the digest of {today} covers it.)";
            if (await digests.TryReplaceAsync(row, cancellationToken))
            {
                superseded++;
            }
        }

        return superseded;
    }
}
