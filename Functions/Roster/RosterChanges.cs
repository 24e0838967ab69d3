namespace TetReadiness.Roster;

/// <summary>What an import changes, computed before anything is written (and shown as a preview).</summary>
public sealed record RosterChanges(
    IReadOnlyList<RosterUnit> Added,
    IReadOnlyList<RosterUnit> Updated,
    IReadOnlyList<RosterUnit> Reactivated,
    IReadOnlyList<RosterUnit> Deactivated,
    int Unchanged,
    IReadOnlyList<RosterDistrict> DistrictsToWrite,
    IReadOnlyList<RosterDistrict> DistrictsToDeactivate,
    IReadOnlySet<string> ReactivatedDistrictIds)
{
    /// <summary>The current roster's version of each unit the import changes (updated, reactivated or deactivated).</summary>
    public IReadOnlyDictionary<string, RosterUnit> PreviousUnits { get; init; } = new Dictionary<string, RosterUnit>();

    /// <summary>The current roster's version of each area the import writes or deactivates, where it has one.</summary>
    public IReadOnlyDictionary<string, RosterDistrict> PreviousDistricts { get; init; } = new Dictionary<string, RosterDistrict>();

    /// <summary>
    /// Compares the imported roster with the current one. A unit missing from the import is deactivated,
    /// never deleted; a unit that comes back is reactivated.
    /// </summary>
    public static RosterChanges Between(
        IReadOnlyCollection<RosterUnit> current,
        IReadOnlyCollection<RosterDistrict> currentDistricts,
        RosterCsv imported)
    {
        var currentById = current.ToDictionary(u => u.UnitId, StringComparer.Ordinal);
        var importedIds = imported.Units.Select(u => u.UnitId).ToHashSet(StringComparer.Ordinal);
        List<RosterUnit> added = [], updated = [], reactivated = [];
        var unchanged = 0;
        foreach (var unit in imported.Units)
        {
            if (!currentById.TryGetValue(unit.UnitId, out var existing))
            {
                added.Add(unit);
            }
            else if (!existing.Active)
            {
                reactivated.Add(unit);
            }
            else if (!SameUnit(existing, unit))
            {
                updated.Add(unit);
            }
            else
            {
                unchanged++;
            }
        }

        var deactivated = current.Where(u => u.Active && !importedIds.Contains(u.UnitId)).Select(u => u with { Active = false }).ToList();

        var currentDistrictsById = currentDistricts.ToDictionary(d => d.DistrictId, StringComparer.Ordinal);
        var districtsToWrite = imported.Districts
            .Where(d => !currentDistrictsById.TryGetValue(d.DistrictId, out var existing) || !SameDistrict(existing, d))
            .ToList();
        var importedDistrictIds = imported.Districts.Select(d => d.DistrictId).ToHashSet(StringComparer.Ordinal);
        var districtsToDeactivate = currentDistricts
            .Where(d => d.Active && !importedDistrictIds.Contains(d.DistrictId))
            .Select(d => d with { Active = false })
            .ToList();

        var reactivatedDistrictIds = districtsToWrite
            .Where(d => currentDistrictsById.TryGetValue(d.DistrictId, out var existing) && !existing.Active)
            .Select(d => d.DistrictId)
            .ToHashSet(StringComparer.Ordinal);

        return new RosterChanges(added, updated, reactivated, deactivated, unchanged, districtsToWrite, districtsToDeactivate, reactivatedDistrictIds)
        {
            PreviousUnits = updated.Concat(reactivated).Concat(deactivated).ToDictionary(u => u.UnitId, u => currentById[u.UnitId], StringComparer.Ordinal),
            PreviousDistricts = districtsToWrite.Concat(districtsToDeactivate)
                .Where(d => currentDistrictsById.ContainsKey(d.DistrictId))
                .ToDictionary(d => d.DistrictId, d => currentDistrictsById[d.DistrictId], StringComparer.Ordinal),
        };
    }

    private static bool SameUnit(RosterUnit a, RosterUnit b) =>
        a.UnitName == b.UnitName && a.DistrictId == b.DistrictId && a.DistrictName == b.DistrictName
        && a.OfficerEmails.SequenceEqual(b.OfficerEmails);

    private static bool SameDistrict(RosterDistrict a, RosterDistrict b) =>
        a.Active && a.DistrictName == b.DistrictName && a.AreaLevel == b.AreaLevel
        && a.CoordinatorEmails.SequenceEqual(b.CoordinatorEmails);
}
