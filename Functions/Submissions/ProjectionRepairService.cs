using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Storage;

namespace TetReadiness.Submissions;

/// <summary>
/// Finishes projections a crash or an outage interrupted: rows of <c>Submissions</c> still flagged pending
/// after a grace period are projected again from <c>SubmissionRevisions</c>, and a campaign whose <c>ChecklistItems</c>
/// differ from the checklist in its row gets them rewritten. Two reads per campaign, and per flagged unit a read of
/// its revision log, a fence and the projection. Then, for each open campaign, rows under an area their unit has left
/// are moved to its current area (<see cref="SubmissionAreaReconciler"/>: a page of the roster and of the campaign's rows
/// per 1,000).
/// </summary>
public sealed class ProjectionRepairService(
    TableClients tables,
    ICampaignDirectory campaigns,
    IChecklistProjection checklists,
    RevisionStore revisions,
    SubmissionProjector projector,
    SubmissionAreaReconciler areas,
    IReviewLedger reviews,
    TimeProvider clock,
    ILogger<ProjectionRepairService> logger)
{
    private const int MaxFenceAttempts = 5;

    /// <summary>
    /// How old a flag must be before the repair acts on it: a writer is normally done well within it. Only a matter of
    /// cost, not of correctness: a writer still at work when its flag is repaired has its commit fenced and retries.
    /// </summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>How long after its close a campaign's rows are still moved to their units' areas.</summary>
    public static readonly TimeSpan ReconcileAfterClose = TimeSpan.FromDays(1);

    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var repaired = 0;

        // A save that wrote its row and never its checklist rows (crash, outage) leaves Power BI a stale checklist.
        foreach (var (campaignId, version) in await checklists.RepairChecklistsAsync(now - Grace, cancellationToken))
        {
            repaired++;
            logger.LogWarning("Repaired the checklist rows of {CampaignId} to version {Version}", campaignId, version);
        }

        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            if (campaign.OpensAt > now)
            {
                continue;
            }

            var cutoff = now - Grace;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {campaign.CampaignId} and ProjectionPending eq true and PendingSince le {cutoff}");
            await foreach (var row in TableQueries.ReadPartitionAsync<SubmissionEntity>(tables.Get(SubmissionTables.Submissions), filter, cancellationToken))
            {
                if (SubmissionKeys.DistrictOf(row.RowKey) is null)
                {
                    // Keyed as before issue 15: the data migration moves it, flag and all, and the next run repairs it.
                    continue;
                }

                if (await RepairUnitAsync(row, now, cancellationToken) is { } revision)
                {
                    repaired++;
                    logger.LogWarning("Repaired projection of {CampaignId}/{UnitId} to revision {Revision}", row.CampaignId, row.UnitId, revision);
                }
            }

            // Until a day after the close: a unit moved minutes before it, or a row written with a roster cached from
            // before a move, still reaches the area the campaign's final roster gives it.
            if (now < campaign.ClosesAt + ReconcileAfterClose)
            {
                repaired += await areas.ReconcileAsync(campaign.CampaignId, await campaigns.IsRosterFrozenAsync(campaign, cancellationToken), cancellationToken);
            }
        }

        return repaired;
    }

    /// <summary>
    /// Projects the newest committed revision and clears the flag, but only once a fence stands at the next number.
    /// The flag's writer may not have committed yet (stalled by retries, or dead), and past the grace nothing says
    /// which: the fence makes the question moot, since a writer that read the log before it can no longer commit
    /// without reading the log again and flagging the row again, which the flag's ETag then shows (clearing fails).
    /// So no revision committed after this repair can be left unflagged, whatever the timing. Null when revisions
    /// kept landing under it: the row stays flagged for the next run.
    /// </summary>
    private async Task<int?> RepairUnitAsync(SubmissionEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxFenceAttempts; attempt++)
        {
            var (latest, top) = await revisions.ReadLatestAndTopAsync(row.CampaignId, row.UnitId, cancellationToken);
            var fenced = false;
            if (top.Guard is { } guard)
            {
                switch (ReviewGuardRule.Judge(guard, await reviews.ReadStandingAsync(row.CampaignId, row.UnitId, cancellationToken), now))
                {
                    case GuardStanding.Lock:
                        // The lock already fences the number: no writer commits it, and it is never replaced.
                        fenced = true;
                        break;
                    case GuardStanding.InFlight:
                        // A review is placing it right now: the next run decides.
                        return null;
                }
            }

            // A stale review guard is renewed as a fence, like a fence.
            if (!fenced && !await revisions.TryFenceAsync(row.CampaignId, row.UnitId, top.Latest + 1, top.Above, now, cancellationToken))
            {
                // A revision took the number between the read and the fence: read again.
                continue;
            }

            if (latest is not null && latest.Number > row.Revision)
            {
                await projector.ProjectAsync(latest, SubmissionKeys.DistrictOf(row.RowKey)!, row.ETag, row, cancellationToken);
            }
            else
            {
                await projector.ClearAbandonedAsync(row, cancellationToken);
            }

            return latest?.Number ?? row.Revision;
        }

        return null;
    }
}
