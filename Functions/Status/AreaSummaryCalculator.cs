using TetReadiness.Campaigns;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// Per-area figures of a campaign from its roster (the active units it counts), the units' contributions and the
/// reminder history: exactly what the status API computes for one area (review states included), so summing areas gives
/// the city. No I/O.
/// </summary>
public static class AreaSummaryCalculator
{
    public const int NotesPerItem = 2;

    public static IReadOnlyList<AreaSummary> Summarize(
        Campaign campaign,
        IReadOnlyList<RosterUnit> activeUnits,
        IReadOnlyList<UnitContribution> contributions,
        IReadOnlyDictionary<string, ReminderHistory> reminders)
    {
        var byUnit = contributions.ToDictionary(c => c.Report.UnitId, StringComparer.Ordinal);
        return activeUnits
            .GroupBy(unit => unit.DistrictId, StringComparer.Ordinal)
            .OrderBy(area => area.Key, StringComparer.Ordinal)
            .Select(area => Summarize(area.ToList(), byUnit, reminders))
            .ToList();
    }

    /// <summary>Id of the whole campaign's row in <c>AreaSummaries</c>; no area id can take it (ids are <c>[a-z0-9-]</c>).</summary>
    public const string CityId = "~city";

    /// <summary>
    /// The areas summed into one row for the whole campaign, so a city-wide page reads one key range instead of a row per
    /// area: counts added, item tallies merged (newest notes kept), every area's reminder tallies together.
    /// </summary>
    public static AreaSummary City(IReadOnlyList<AreaSummary> areas)
    {
        var reminders = new Dictionary<string, ReminderHistory>(StringComparer.Ordinal);
        foreach (var (unitId, history) in areas.SelectMany(a => a.Reminders))
        {
            reminders[unitId] = history;
        }

        return new AreaSummary(
            CityId,
            string.Empty,
            areas.Sum(a => a.Units),
            areas.Sum(a => a.Reported),
            areas.Sum(a => a.OnTime),
            areas.Sum(a => a.Late),
            areas.Sum(a => a.ReadinessTotal),
            areas.Sum(a => a.ReadinessCount),
            ItemTallies.Merge(areas.Select(a => a.Items), NotesPerItem),
            reminders,
            ReviewFigures.Sum(areas.Select(a => a.Review)));
    }

    public static AreaSummary Summarize(
        IReadOnlyList<RosterUnit> areaUnits,
        IReadOnlyDictionary<string, UnitContribution> contributions,
        IReadOnlyDictionary<string, ReminderHistory> reminders)
    {
        var reporting = areaUnits.Where(u => contributions.ContainsKey(u.UnitId)).ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var reports = reporting.Keys.Select(id => contributions[id].Report).ToList();
        var readiness = reports.Select(r => r.Readiness).OfType<double>().ToList();
        var onTime = reports.Count(r => r.OnTime);
        return new AreaSummary(
            areaUnits[0].DistrictId,
            areaUnits[0].DistrictName,
            areaUnits.Count,
            reports.Count,
            onTime,
            reports.Count - onTime,
            readiness.Sum(),
            readiness.Count,
            ItemTallies.FromContributions(reporting.Keys.Select(id => contributions[id]), reporting, NotesPerItem),
            areaUnits
                .Where(u => !reporting.ContainsKey(u.UnitId) && reminders.ContainsKey(u.UnitId))
                .ToDictionary(u => u.UnitId, u => reminders[u.UnitId], StringComparer.Ordinal),
            ReviewFigures.Of(reports));
    }
}
