using TetReadiness.Campaigns;
using TetReadiness.Reminders;
using TetReadiness.Roster;
using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// Per-area figures of a campaign from its roster (the active units it counts), the units' contributions and the
/// reminder history: exactly what the status API computes for one area, so summing areas gives the city. No I/O.
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
                .ToDictionary(u => u.UnitId, u => reminders[u.UnitId], StringComparer.Ordinal));
    }
}
