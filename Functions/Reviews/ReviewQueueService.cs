using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Reviews;

/// <summary>
/// The review queue of a coordinator's scope: the reported units with their review state, awaiting review first,
/// then returned, then accepted (oldest submission first in each). Read from the scope's <c>Submissions</c> rows (the
/// review copy) and the roster's units of the same scope, one query each per 1,000 units: never a read per unit.
/// </summary>
public sealed class ReviewQueueService(
    CampaignService campaigns,
    ICampaignDirectory campaignDirectory,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    CoordinatorDirectory coordinators)
{
    private static readonly string[] Order = [ReviewStates.Submitted, ReviewStates.Returned, ReviewStates.Accepted];

    public async Task<IReadOnlyList<ReviewQueueEntry>> GetQueueAsync(Caller caller, string campaignId, string? districtId, string? state, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        if (!Ids.IsValid(campaignId))
        {
            throw Refusal.InvalidId(IdKind.Campaign, "campaignId");
        }

        if (districtId is not null && !Ids.IsValid(districtId))
        {
            throw Refusal.InvalidId(IdKind.District, "districtId");
        }

        if (districtId is not null && !scope.Covers(districtId))
        {
            throw Refusal.Forbidden(c => c.AreaOutsideScope());
        }

        if (state is not null && !ReviewStates.IsKnown(state))
        {
            throw Refusal.InvalidField("state", c => c.ReviewStateInvalid());
        }

        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var areas = districtId is not null ? [districtId] : scope.WholeCity ? null : scope.Districts.Order(StringComparer.Ordinal).ToList();
        var frozen = await campaignDirectory.IsRosterFrozenAsync(campaign, cancellationToken);
        var unitsTask = UnitsAsync(campaignId, frozen, areas, cancellationToken);
        var reportsTask = ReportsAsync(campaignId, areas, cancellationToken);
        var units = await unitsTask;

        return (await reportsTask)
            .Where(r => units.ContainsKey(r.Report.UnitId))
            .GroupBy(r => r.Report.UnitId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Report.Revision)!)
            .Select(r => (Report: r, Unit: units[r.Report.UnitId]))
            .Where(x => state is null || x.Report.Report.ReviewState == state)
            .OrderBy(x => Array.IndexOf(Order, x.Report.Report.ReviewState))
            .ThenBy(x => x.Report.Report.SubmittedAt)
            .ThenBy(x => x.Unit.UnitId, StringComparer.Ordinal)
            .Select(x => new ReviewQueueEntry(
                x.Unit.UnitId, x.Unit.UnitName, x.Unit.DistrictId, x.Unit.DistrictName, x.Report.Report.Revision,
                VietnamTime.ToVietnam(x.Report.Report.SubmittedAt), x.Report.Report.Late, x.Report.Report.Readiness, x.Report.Report.ReviewState,
                x.Report.ReviewedAt is { } at ? VietnamTime.ToVietnam(at) : null, x.Report.Report.ReopenRequested))
            .ToList();
    }

    /// <summary>The active units of the scope, by id: the campaign's (frozen or current) roster, or each area's.</summary>
    private async Task<IReadOnlyDictionary<string, RosterUnit>> UnitsAsync(string campaignId, bool frozen, IReadOnlyList<string>? areas, CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, RosterUnit>(StringComparer.Ordinal);
        foreach (var source in areas is null
            ? [roster.ReadUnitsForCampaignAsync(campaignId, frozen, cancellationToken)]
            : areas.Select(area => roster.ReadAreaUnitsAsync(campaignId, frozen, area, cancellationToken)))
        {
            await foreach (var unit in source)
            {
                if (unit.Active)
                {
                    units[unit.UnitId] = unit;
                }
            }
        }

        return units;
    }

    private async Task<IReadOnlyList<ReviewedReport>> ReportsAsync(string campaignId, IReadOnlyList<string>? areas, CancellationToken cancellationToken)
    {
        if (areas is null || !await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            // The whole campaign; also for an area right after an upgrade, until the rows are keyed by area (the roster
            // of the scope then narrows it).
            return await submissions.ReadReviewedReportsAsync(campaignId, null, cancellationToken);
        }

        var perArea = await Task.WhenAll(areas.Select(area => submissions.ReadReviewedReportsAsync(campaignId, area, cancellationToken)));
        return perArea.SelectMany(reports => reports).ToList();
    }
}
