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
/// then returned, then accepted (oldest submission first in each). Read from the scope's <c>Submissions</c> rows alone
/// (the review copy, and the names the latest revision recorded): one query per 1,000 reports of the scope, never a
/// read per unit and no read of the roster, so the city's queue costs what its reports cost, not what its units cost.
/// </summary>
public sealed class ReviewQueueService(
    CampaignService campaigns,
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
        var inScope = areas?.ToHashSet(StringComparer.Ordinal);
        return (await ReportsAsync(campaign.CampaignId, areas, cancellationToken))
            .Where(r => inScope is null || inScope.Contains(r.DistrictId))
            .GroupBy(r => r.Report.UnitId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(r => r.Report.Revision)!)
            .Where(r => state is null || r.Report.ReviewState == state)
            .OrderBy(r => Array.IndexOf(Order, r.Report.ReviewState))
            .ThenBy(r => r.Report.SubmittedAt)
            .ThenBy(r => r.Report.UnitId, StringComparer.Ordinal)
            .Select(r => new ReviewQueueEntry(
                r.Report.UnitId, r.UnitName, r.DistrictId, r.DistrictName, r.Report.Revision,
                VietnamTime.ToVietnam(r.Report.SubmittedAt), r.Report.Late, r.Report.Readiness, r.Report.ReviewState,
                r.ReviewedAt is { } at ? VietnamTime.ToVietnam(at) : null, r.Report.ReopenRequested))
            .ToList();
    }

    private async Task<IReadOnlyList<ReviewedReport>> ReportsAsync(string campaignId, IReadOnlyList<string>? areas, CancellationToken cancellationToken)
    {
        if (areas is null || !await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            // The whole campaign; also for an area right after an upgrade, until the rows are keyed by area (the
            // rows' areas then narrow it).
            return await submissions.ReadReviewedReportsAsync(campaignId, null, cancellationToken);
        }

        var perArea = await Task.WhenAll(areas.Select(area => submissions.ReadReviewedReportsAsync(campaignId, area, cancellationToken)));
        return perArea.SelectMany(reports => reports).ToList();
    }
}
