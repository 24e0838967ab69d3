namespace TetReadiness.Roster;

/// <summary>
/// Which rows of the people index an import changes: only the pairs (email, unit) and (email, area) that come or go,
/// and those whose unit or area was renamed or moved. Worked out from the import's changes alone, so an import that
/// changes ten units writes about ten rows, whatever the size of the roster.
/// </summary>
public static class RosterPeopleChanges
{
    public static IReadOnlyList<RosterPersonChange> Between(RosterChanges changes)
    {
        var rows = new List<RosterPersonChange>();
        foreach (var unit in changes.Added.Concat(changes.Reactivated))
        {
            // A reactivated unit had no rows: the index lists active units only.
            rows.AddRange(unit.OfficerEmails.Select(email => new RosterPersonChange(email, unit, null, Remove: false)));
        }

        foreach (var unit in changes.Updated)
        {
            var previous = changes.PreviousUnits[unit.UnitId];
            var sameRow = previous.UnitName == unit.UnitName && previous.DistrictId == unit.DistrictId && previous.DistrictName == unit.DistrictName;
            rows.AddRange(previous.OfficerEmails.Where(email => !unit.OfficerEmails.Contains(email, StringComparer.Ordinal))
                .Select(email => new RosterPersonChange(email, previous, null, Remove: true)));
            rows.AddRange(unit.OfficerEmails.Where(email => !sameRow || !previous.OfficerEmails.Contains(email, StringComparer.Ordinal))
                .Select(email => new RosterPersonChange(email, unit, null, Remove: false)));
        }

        foreach (var unit in changes.Deactivated)
        {
            rows.AddRange(changes.PreviousUnits[unit.UnitId].OfficerEmails.Select(email => new RosterPersonChange(email, unit, null, Remove: true)));
        }

        foreach (var district in changes.DistrictsToWrite)
        {
            var previous = changes.PreviousDistricts.GetValueOrDefault(district.DistrictId) is { Active: true } active ? active : null;
            var before = previous?.CoordinatorEmails ?? [];
            var sameRow = previous?.DistrictName == district.DistrictName;
            rows.AddRange(before.Where(email => !district.CoordinatorEmails.Contains(email, StringComparer.Ordinal))
                .Select(email => new RosterPersonChange(email, null, district, Remove: true)));
            rows.AddRange(district.CoordinatorEmails.Where(email => !sameRow || !before.Contains(email, StringComparer.Ordinal))
                .Select(email => new RosterPersonChange(email, null, district, Remove: false)));
        }

        foreach (var district in changes.DistrictsToDeactivate)
        {
            rows.AddRange(changes.PreviousDistricts[district.DistrictId].CoordinatorEmails.Select(email => new RosterPersonChange(email, null, district, Remove: true)));
        }

        return rows;
    }

    /// <summary>Every row of the index for a whole roster: what the migration builds from a roster written before the index existed.</summary>
    public static IEnumerable<RosterPersonChange> Of(IEnumerable<RosterUnit> units, IEnumerable<RosterDistrict> districts) =>
        units.Where(u => u.Active).SelectMany(u => u.OfficerEmails.Select(email => new RosterPersonChange(email, u, null, Remove: false)))
            .Concat(districts.Where(d => d.Active).SelectMany(d => d.CoordinatorEmails.Select(email => new RosterPersonChange(email, null, d, Remove: false))));
}
