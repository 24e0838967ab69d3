using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Status;

/// <summary>
/// Status and non-reporters for one campaign: one query per page of units and one per page of submissions,
/// whatever the number of units. An optional area filter narrows the answer (and its totals).
/// </summary>
public sealed class StatusService(
    CampaignService campaigns,
    ICampaignDirectory campaignDirectory,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    CoordinatorDirectory coordinators,
    ReminderHistoryStore reminders,
    TimeProvider clock)
{
    /// <summary>Coordinators only, over their scope: a district coordinator's totals cover their districts.</summary>
    public async Task<CampaignStatus> GetStatusAsync(Caller caller, string campaignId, string? districtId, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, districtId, cancellationToken);
        var (campaign, units, reports) = await LoadAsync(campaignId, districtId, scope, cancellationToken);
        return StatusCalculator.Calculate(campaign, units, reports, clock.GetUtcNow());
    }

    public async Task<IReadOnlyList<NonReporter>> GetNonReportersAsync(Caller caller, string campaignId, string? districtId, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, districtId, cancellationToken);
        var (campaign, units, reports) = await LoadAsync(campaignId, districtId, scope, cancellationToken);
        var history = await reminders.ReadAsync(campaignId, cancellationToken);
        return StatusCalculator.NonReporters(campaign, units, reports, VietnamTime.Today(clock))
            .Select(n => history.TryGetValue(n.UnitId, out var h)
                ? n with { RemindersSent = h.Sent, LastRemindedAt = h.LastSentAt is { } at ? VietnamTime.ToVietnam(at) : null, NoOfficerEmail = h.NoEmail }
                : n)
            .ToList();
    }

    /// <summary>The items the reporting units in the caller's scope are least ready on, lowest first.</summary>
    public async Task<IReadOnlyList<ItemReadiness>> GetLeastReadyItemsAsync(Caller caller, string campaignId, string? districtId, int count, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, districtId, cancellationToken);
        var (campaign, units, reports) = await LoadAsync(campaignId, districtId, scope, cancellationToken);
        var reporting = units.Where(u => reports.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        return LeastReadyItems.Of(campaign, reporting, await submissions.ReadLatestAnswersAsync(campaignId, cancellationToken), count, notesPerItem: 2);
    }

    /// <summary>The units the campaign counts (its frozen roster once it has closed), by area, in the caller's scope.</summary>
    public async Task<RosterView> GetUnitsAsync(Caller caller, string campaignId, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(caller, null, cancellationToken);
        var (_, units) = await LoadUnitsAsync(campaignId, null, scope, cancellationToken);
        return RosterView.OfUnits(await roster.ReadDistrictsAsync(cancellationToken), units);
    }

    /// <summary>The whole campaign, for the digests: the campaign, the active units it counts and their latest reports.</summary>
    public Task<(Campaign Campaign, IReadOnlyList<RosterUnit> Units, IReadOnlyDictionary<string, UnitReport> Reports)> LoadAsync(
        string campaignId, CancellationToken cancellationToken) =>
        LoadAsync(campaignId, null, null, cancellationToken);

    private async Task<(Campaign Campaign, IReadOnlyList<RosterUnit> Units, IReadOnlyDictionary<string, UnitReport> Reports)> LoadAsync(
        string campaignId, string? districtId, AccessScope? scope, CancellationToken cancellationToken)
    {
        var (campaign, units) = await LoadUnitsAsync(campaignId, districtId, scope, cancellationToken);
        var reports = await submissions.ReadReportsAsync(campaignId, cancellationToken);
        return (campaign, units, reports);
    }

    private async Task<(Campaign Campaign, IReadOnlyList<RosterUnit> Units)> LoadUnitsAsync(string campaignId, string? districtId, AccessScope? scope, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var units = new List<RosterUnit>();
        var frozen = await campaignDirectory.IsRosterFrozenAsync(campaign, cancellationToken);
        await foreach (var unit in roster.ReadUnitsForCampaignAsync(campaignId, frozen, cancellationToken))
        {
            if (unit.Active && (districtId is null || unit.DistrictId == districtId) && (scope is null || scope.Covers(unit.DistrictId)))
            {
                units.Add(unit);
            }
        }

        return (campaign, units);
    }

    private async Task<AccessScope> ScopeAsync(Caller caller, string? districtId, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        if (districtId is not null && !Ids.IsValid(districtId))
        {
            throw Refusal.InvalidId(IdKind.District, "district");
        }

        return districtId is null || scope.Covers(districtId)
            ? scope
            : throw Refusal.Forbidden(c => c.AreaOutsideScope());
    }
}
