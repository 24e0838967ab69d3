using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TetReadiness.Campaigns;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// Keeps <c>AreaSummaries</c> in step: for every open campaign on each run (the <c>StatusRollup</c> timer, every
/// minute), and for a closed one once after it closes (its final figures), then again every hour in case anything
/// changed them since (a repair, a frozen roster); only the areas whose figures changed are written. A run costs a read
/// of the roster, of the campaign's <c>Submissions</c> partition and of its <c>Reminders</c> partition (a page per
/// 1,000 rows each) and of its summaries.
/// </summary>
public sealed class StatusRollupService(
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    ReminderHistoryStore reminders,
    AreaSummaryStore store,
    TimeProvider clock,
    ILogger<StatusRollupService> logger)
{
    /// <summary>How often a closed campaign's final figures are checked again.</summary>
    public static readonly TimeSpan ClosedRecheck = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, DateTimeOffset> closedCheckedAt = new(StringComparer.Ordinal);

    /// <summary>Rolls up every campaign that needs it; returns how many areas were written.</summary>
    public async Task<int> RollUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changed = 0;
        if (!await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            // Item statuses are filled by the Submissions migration: figures stored before it completes would be wrong.
            return 0;
        }

        Exception? failed = null;
        foreach (var campaign in await campaigns.ListAsync(cancellationToken))
        {
            if (now < campaign.OpensAt)
            {
                continue;
            }

            if (campaign.IsClosedAt(now))
            {
                if (closedCheckedAt.TryGetValue(campaign.CampaignId, out var checkedAt) && now - checkedAt < ClosedRecheck)
                {
                    continue;
                }

                closedCheckedAt[campaign.CampaignId] = now;
            }

            try
            {
                var (_, written) = await RollUpCampaignAsync(campaign, cancellationToken);
                changed += written;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One campaign's failure (an outage, a bad row) must not keep the others' figures from moving.
                closedCheckedAt.TryRemove(campaign.CampaignId, out _);
                failed = exception;
                logger.LogWarning(exception, "Area summaries of {CampaignId} could not be rolled up; the next run tries again", campaign.CampaignId);
            }
        }

        // The run still fails as a whole, so the host's failure count and the missed-run alert see it.
        return failed is null ? changed : throw new InvalidOperationException("Some campaigns' area summaries could not be rolled up.", failed);
    }

    /// <summary>Computes one campaign's area figures now and stores those that changed.</summary>
    public async Task<(IReadOnlyList<AreaSummary> Areas, int Written)> RollUpCampaignAsync(Campaign campaign, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var frozen = await campaigns.IsRosterFrozenAsync(campaign, cancellationToken);
        var units = new List<RosterUnit>();
        await foreach (var unit in roster.ReadUnitsForCampaignAsync(campaign.CampaignId, frozen, cancellationToken))
        {
            if (unit.Active)
            {
                units.Add(unit);
            }
        }

        var contributions = await submissions.ReadContributionsAsync(campaign.CampaignId, cancellationToken);
        var history = await reminders.ReadAsync(campaign.CampaignId, cancellationToken);
        var areas = AreaSummaryCalculator.Summarize(campaign, units, contributions, history);
        var written = await submissions.AreaKeysReadyAsync(cancellationToken)
            ? await store.WriteAsync(campaign.CampaignId, areas, final: campaign.IsClosedAt(now), now, cancellationToken)
            : 0;
        if (written > 0)
        {
            logger.LogInformation("Area summaries of {CampaignId}: {Written} of {Areas} areas written", campaign.CampaignId, written, areas.Count);
        }

        return (areas, written);
    }
}
