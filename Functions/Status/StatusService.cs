using Microsoft.Extensions.Caching.Memory;
using TetReadiness.Campaigns;
using TetReadiness.Common;
using TetReadiness.Deadlines;
using TetReadiness.Identity;
using TetReadiness.Messages;
using TetReadiness.Notes;
using TetReadiness.Roster;
using TetReadiness.Submissions;
using TetReadiness.Time;

namespace TetReadiness.Status;

/// <summary>
/// Status, non-reporters, units and least-ready items of a campaign, each read at the cost of the caller's scope:
/// <list type="bullet">
/// <item>an area (a district coordinator, or <c>?district=</c>): that area's units (<c>AreaUnits</c>, or the frozen
/// roster's key range) and its key range of <c>Submissions</c>, one query each per 1,000 units of the area;</item>
/// <item>the whole city: the roster and the campaign's <c>Submissions</c> partition (a query per 1,000 rows each) for
/// status and non-reporters; least-ready items and reminder tallies from the per-area summaries (one partition);</item>
/// <item>a closed campaign's status and least-ready items from its stored final figures, never recomputed on a read.</item>
/// </list>
/// </summary>
public sealed class StatusService(
    CampaignService campaigns,
    ICampaignDirectory campaignDirectory,
    IUnitDirectory roster,
    ISubmissionReports submissions,
    CoordinatorDirectory coordinators,
    AreaSummaryStore summaries,
    StatusRollupService rollup,
    IUnitDeadlines deadlines,
    IUnitNotes notes,
    IMemoryCache cache,
    TimeProvider clock)
{
    /// <summary>How long the area list the units page names areas from is kept.</summary>
    public static readonly TimeSpan DistrictsCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>Coordinators only, over their scope: a district coordinator's totals cover their districts.</summary>
    public async Task<CampaignStatus> GetStatusAsync(Caller caller, string campaignId, string? districtId, CancellationToken cancellationToken)
    {
        var areas = await AreasAsync(caller, districtId, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var now = clock.GetUtcNow();
        if (campaign.IsClosedAt(now))
        {
            var final = await FinalFiguresAsync(campaign, areas, cancellationToken);
            return StatusCalculator.FromSummaries(campaign, final.Areas, final.ChangedAt ?? now);
        }

        var (units, reports) = await LoadAsync(campaign, areas, cancellationToken);
        return StatusCalculator.Calculate(campaign, units, reports, now);
    }

    public async Task<IReadOnlyList<NonReporter>> GetNonReportersAsync(Caller caller, string campaignId, string? districtId, CancellationToken cancellationToken)
    {
        var areas = await AreasAsync(caller, districtId, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var (units, reports) = await LoadAsync(campaign, areas, cancellationToken);
        var unitDeadlines = await deadlines.ReadAsync(campaign, cancellationToken);
        var nonReporters = StatusCalculator.NonReporters(campaign, units, reports, VietnamTime.Today(clock), unitDeadlines.DeadlineOf);
        if (nonReporters.Count == 0)
        {
            return nonReporters;
        }

        // What the reminders have done, as of the last rollup (a minute at most): the reminder log itself is read by
        // the rollup, never by a page. The newest notes: one query for the city, one per area.
        var latestNotes = notes.ReadLatestAsync(campaign.CampaignId, areas, cancellationToken);
        var storedSummaries = SummariesAsync(campaign, areas, cancellationToken);
        await Task.WhenAll(latestNotes, storedSummaries);
        var (stored, latest) = (await storedSummaries, await latestNotes);
        // Each unit's tallies from its own area's summary (a unit that moved may sit in two areas' rows for a moment),
        // or from the whole campaign's row for the city.
        var history = stored.Areas.ToDictionary(a => a.DistrictId, a => a.Reminders, StringComparer.Ordinal);
        return nonReporters
            .Select(n => (history.GetValueOrDefault(n.DistrictId) ?? history.GetValueOrDefault(AreaSummaryCalculator.CityId)) is { } area && area.TryGetValue(n.UnitId, out var h)
                ? n with { RemindersSent = h.Sent, LastRemindedAt = h.LastSentAt is { } at ? VietnamTime.ToVietnam(at) : null, NoOfficerEmail = h.NoEmail }
                : n)
            .Select(n => latest.TryGetValue(n.UnitId, out var note) ? n with { LatestNote = UnitNoteView.Of(note) } : n)
            .ToList();
    }

    /// <summary>The items the reporting units in the caller's scope are least ready on, lowest first.</summary>
    public async Task<IReadOnlyList<ItemReadiness>> GetLeastReadyItemsAsync(Caller caller, string campaignId, string? districtId, int count, CancellationToken cancellationToken)
    {
        var areas = await AreasAsync(caller, districtId, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        IReadOnlyList<ItemTally> tallies;
        if (!await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            // Right after an upgrade, until the Submissions migration completes: from the campaign's answers, as before.
            var (units, reports) = await LoadAsync(campaign, areas, cancellationToken);
            var reporting = units.Where(u => reports.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
            tallies = ItemTallies.FromAnswers(await submissions.ReadLatestAnswersAsync(campaignId, cancellationToken), reporting, AreaSummaryCalculator.NotesPerItem);
        }
        else if (campaign.IsClosedAt(clock.GetUtcNow()))
        {
            tallies = ItemTallies.Merge((await FinalFiguresAsync(campaign, areas, cancellationToken)).Areas.Select(a => a.Items), AreaSummaryCalculator.NotesPerItem);
        }
        else if (areas is null)
        {
            tallies = ItemTallies.Merge((await SummariesAsync(campaign, null, cancellationToken)).Areas.Select(a => a.Items), AreaSummaryCalculator.NotesPerItem);
        }
        else
        {
            var frozen = await campaignDirectory.IsRosterFrozenAsync(campaign, cancellationToken);
            var perArea = await Task.WhenAll(areas.Select(async area =>
            {
                var (units, contributions) = await LoadAreaAsync(campaign.CampaignId, frozen, area, cancellationToken);
                var reporting = units.Where(u => contributions.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
                return ItemTallies.FromContributions(contributions.Values, reporting, AreaSummaryCalculator.NotesPerItem);
            }));
            tallies = ItemTallies.Merge(perArea, AreaSummaryCalculator.NotesPerItem);
        }

        return LeastReadyItems.Of(campaign, tallies, count, AreaSummaryCalculator.NotesPerItem);
    }

    /// <summary>The units the campaign counts (its frozen roster once it has closed), by area, in the caller's scope.</summary>
    public async Task<RosterView> GetUnitsAsync(Caller caller, string campaignId, CancellationToken cancellationToken)
    {
        var areas = await AreasAsync(caller, null, cancellationToken);
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var units = await LoadUnitsAsync(campaign, areas, cancellationToken);

        // Area levels and coordinators: the whole area list (a page per 1,000 areas), cached like the roster's other reads.
        var districts = await cache.GetOrLoadAsync("status-districts", DistrictsCacheDuration, roster.ReadDistrictsAsync, cancellationToken);
        return RosterView.OfUnits(districts, units);
    }

    /// <summary>The whole campaign, for the digests: the campaign, the active units it counts and their latest reports.</summary>
    public async Task<(Campaign Campaign, IReadOnlyList<RosterUnit> Units, IReadOnlyDictionary<string, UnitReport> Reports)> LoadAsync(
        string campaignId, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.RequireAsync(campaignId, cancellationToken);
        var (units, reports) = await LoadAsync(campaign, null, cancellationToken);
        return (campaign, units, reports);
    }

    /// <summary>The active units and their reports: the whole city (<paramref name="areas"/> null) or the given areas.</summary>
    private async Task<(IReadOnlyList<RosterUnit> Units, IReadOnlyDictionary<string, UnitReport> Reports)> LoadAsync(
        Campaign campaign, IReadOnlySet<string>? areas, CancellationToken cancellationToken)
    {
        if (areas is null || !await submissions.AreaKeysReadyAsync(cancellationToken))
        {
            // The whole city; also for an area right after an upgrade, until the Submissions rows are keyed by area.
            var units = (await LoadUnitsAsync(campaign, null, cancellationToken)).Where(u => areas is null || areas.Contains(u.DistrictId)).ToList();
            return (units, await submissions.ReadReportsAsync(campaign.CampaignId, cancellationToken));
        }

        var frozen = await campaignDirectory.IsRosterFrozenAsync(campaign, cancellationToken);
        var perArea = await Task.WhenAll(areas.Order(StringComparer.Ordinal).Select(area => LoadAreaAsync(campaign.CampaignId, frozen, area, cancellationToken)));

        // Right after an import moved a unit, two areas read at different moments (or cached on different instances)
        // may both hold it: counted once, in the area read last, with its newest report.
        return (
            perArea.SelectMany(a => a.Units).GroupBy(u => u.UnitId, StringComparer.Ordinal).Select(g => g.Last()).ToList(),
            perArea.SelectMany(a => a.Contributions.Values).GroupBy(c => c.Report.UnitId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.MaxBy(c => c.Report.Revision)!.Report, StringComparer.Ordinal));
    }

    /// <summary>An area's active units and the contributions of those of them that reported (rows in its key range).</summary>
    private async Task<(IReadOnlyList<RosterUnit> Units, IReadOnlyDictionary<string, UnitContribution> Contributions)> LoadAreaAsync(
        string campaignId, bool frozen, string districtId, CancellationToken cancellationToken)
    {
        var unitsTask = ActiveAsync(roster.ReadAreaUnitsAsync(campaignId, frozen, districtId, cancellationToken));
        var contributionsTask = submissions.ReadAreaContributionsAsync(campaignId, districtId, cancellationToken);
        var units = await unitsTask;
        var ids = units.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        return (units, (await contributionsTask).Where(c => ids.Contains(c.Report.UnitId)).ToDictionary(c => c.Report.UnitId, StringComparer.Ordinal));
    }

    private async Task<IReadOnlyList<RosterUnit>> LoadUnitsAsync(Campaign campaign, IReadOnlySet<string>? areas, CancellationToken cancellationToken)
    {
        var frozen = await campaignDirectory.IsRosterFrozenAsync(campaign, cancellationToken);
        if (areas is null)
        {
            return await ActiveAsync(roster.ReadUnitsForCampaignAsync(campaign.CampaignId, frozen, cancellationToken));
        }

        var perArea = await Task.WhenAll(areas.Order(StringComparer.Ordinal).Select(area => ActiveAsync(roster.ReadAreaUnitsAsync(campaign.CampaignId, frozen, area, cancellationToken))));
        return perArea.SelectMany(units => units).ToList();
    }

    /// <summary>
    /// The stored summaries of some areas, or the whole campaign's row (<paramref name="areas"/> null); rolled up now when
    /// the campaign has none yet (the first read after it opens, before the timer's first run).
    /// </summary>
    private async Task<StoredAreaSummaries> SummariesAsync(Campaign campaign, IReadOnlySet<string>? areas, CancellationToken cancellationToken)
    {
        var stored = areas is null
            ? await summaries.ReadCityAsync(campaign.CampaignId, cancellationToken)
            : await summaries.ReadAreasAsync(campaign.CampaignId, areas, cancellationToken);
        if (stored.Exists)
        {
            return stored;
        }

        var (computed, _) = await rollup.RollUpCampaignAsync(campaign, cancellationToken);
        var wanted = areas is null ? [AreaSummaryCalculator.City(computed)] : computed.Where(a => areas.Contains(a.DistrictId)).ToList();
        return new StoredAreaSummaries(wanted, clock.GetUtcNow(), false);
    }

    /// <summary>
    /// A closed campaign's final figures for the scope; computed and stored now if the timer has not yet. Read for the
    /// whole campaign (a query per 1,000 rows), so an area with no figures (added after the close, or with no active
    /// unit) is known to have none rather than looking not yet computed.
    /// </summary>
    private async Task<StoredAreaSummaries> FinalFiguresAsync(Campaign campaign, IReadOnlySet<string>? areas, CancellationToken cancellationToken)
    {
        var stored = await summaries.ReadAsync(campaign.CampaignId, cancellationToken);
        if (!stored.Exists || !stored.Final)
        {
            var (computed, _) = await rollup.RollUpCampaignAsync(campaign, cancellationToken);
            stored = new StoredAreaSummaries(computed, clock.GetUtcNow(), true);
        }

        return stored with { Areas = stored.Areas.Where(a => areas is null || areas.Contains(a.DistrictId)).ToList() };
    }

    private static async Task<IReadOnlyList<RosterUnit>> ActiveAsync(IAsyncEnumerable<RosterUnit> units)
    {
        var active = new List<RosterUnit>();
        await foreach (var unit in units)
        {
            if (unit.Active)
            {
                active.Add(unit);
            }
        }

        return active;
    }

    /// <summary>
    /// The areas the answer covers: null for the whole city (a city coordinator without <c>?district=</c>), else the
    /// one asked for or every area the district coordinator covers.
    /// </summary>
    private async Task<IReadOnlySet<string>?> AreasAsync(Caller caller, string? districtId, CancellationToken cancellationToken)
    {
        var scope = AccessPolicy.RequireCoordinator(caller, await coordinators.DistrictsOfAsync(caller.Email, cancellationToken));
        if (districtId is not null && !Ids.IsValid(districtId))
        {
            throw Refusal.InvalidId(IdKind.District, "district");
        }

        if (districtId is not null && !scope.Covers(districtId))
        {
            throw Refusal.Forbidden(c => c.AreaOutsideScope());
        }

        return districtId is not null
            ? new HashSet<string>(StringComparer.Ordinal) { districtId }
            : scope.WholeCity ? null : scope.Districts;
    }
}
