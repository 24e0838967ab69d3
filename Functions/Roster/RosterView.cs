namespace TetReadiness.Roster;

/// <summary>Areas with their active units: the current roster (<c>GET /api/roster</c>) or a campaign's (<c>GET /api/campaigns/{id}/units</c>).</summary>
public sealed record RosterView(int Districts, int Units, IReadOnlyList<RosterView.District> Areas)
{
    public static RosterView Of(IReadOnlyList<RosterDistrict> districts, IReadOnlyList<RosterUnit> units)
    {
        var byDistrict = units.Where(u => u.Active).ToLookup(u => u.DistrictId);
        var areas = districts.Where(d => d.Active).OrderBy(d => d.DistrictId, StringComparer.Ordinal)
            .Select(d => new District(d.DistrictId, d.DistrictName, d.AreaLevel, d.CoordinatorEmails,
                byDistrict[d.DistrictId].OrderBy(u => u.UnitId, StringComparer.Ordinal)
                    .Select(u => new Unit(u.UnitId, u.UnitName, u.OfficerEmails)).ToList()))
            .ToList();
        return new RosterView(areas.Count, areas.Sum(a => a.Units.Count), areas);
    }

    /// <summary>
    /// Areas as the units name them (a closed campaign's frozen roster may hold areas removed since), with the
    /// area's level and coordinators from the current roster where it still has them.
    /// </summary>
    public static RosterView OfUnits(IReadOnlyList<RosterDistrict> districts, IReadOnlyList<RosterUnit> units)
    {
        var current = districts.ToDictionary(d => d.DistrictId, StringComparer.Ordinal);
        var areas = units.Where(u => u.Active).GroupBy(u => u.DistrictId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var known = current.GetValueOrDefault(g.Key);
                return new District(g.Key, g.First().DistrictName, known?.AreaLevel ?? RosterDistrict.DefaultAreaLevel, known?.CoordinatorEmails ?? [],
                    g.OrderBy(u => u.UnitId, StringComparer.Ordinal).Select(u => new Unit(u.UnitId, u.UnitName, u.OfficerEmails)).ToList());
            })
            .ToList();
        return new RosterView(areas.Count, areas.Sum(a => a.Units.Count), areas);
    }

    public sealed record District(string DistrictId, string DistrictName, string AreaLevel, IReadOnlyList<string> CoordinatorEmails, IReadOnlyList<Unit> Units);

    public sealed record Unit(string UnitId, string UnitName, IReadOnlyList<string> OfficerEmails);
}
