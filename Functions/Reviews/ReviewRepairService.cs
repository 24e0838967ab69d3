using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Reviews;

/// <summary>
/// Heals what a review leaves undone when it fails after recording its transition: for each unit with a transition in
/// the last <see cref="Window"/> (one query per campaign), the review copy on its <c>Submissions</c> row is written
/// again from its newest transitions, and the notice of its newest transition is asked for again (a return or
/// reopening still on the current revision, a pending reopen request): notices are keyed by transition, so a notice
/// already queued is not queued twice.
/// </summary>
public sealed class ReviewRepairService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    ReviewStore store,
    IReviewLocks locks,
    IReviewNotices notices,
    TimeProvider clock,
    ILogger<ReviewRepairService> logger)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(48);

    /// <summary>The number of units whose copy was written again.</summary>
    public async Task<int> RepairAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var units = 0;
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            if (campaign.OpensAt > now || campaign.ClosesAt + Window < now)
            {
                continue;
            }

            var recent = await store.ReadSinceAsync(campaign.CampaignId, now - Window, cancellationToken);
            foreach (var unitId in recent.Select(t => t.UnitId).Distinct(StringComparer.Ordinal))
            {
                var rows = await store.ReadNewestAsync(campaign.CampaignId, unitId, ReviewRules.StandingDepth, cancellationToken);
                var newest = rows[0];
                var districtId = (await roster.GetUnitAsync(unitId, cancellationToken))?.DistrictId ?? newest.DistrictId;
                var revision = await locks.WriteReviewCopyAsync(campaign.CampaignId, districtId, unitId, ReviewRules.Standing(rows)!, cancellationToken);
                units++;
                switch (newest.Decision)
                {
                    case ReviewDecisions.Returned or ReviewDecisions.Reopened when revision == newest.Revision:
                        await notices.NotifyReturnedAsync(newest, cancellationToken);
                        break;
                    case ReviewDecisions.ReopenRequested:
                        await notices.NotifyReopenRequestedAsync(newest, cancellationToken);
                        break;
                }
            }

            if (recent.Count > 0)
            {
                logger.LogInformation("Review repair of {CampaignId}: {Transitions} recent transitions", campaign.CampaignId, recent.Count);
            }
        }

        return units;
    }
}
