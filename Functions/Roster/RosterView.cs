namespace TetReadiness.Roster;

/// <summary>The current roster as <c>GET /api/roster</c> returns it: areas with their active units.</summary>
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

    public sealed record District(string DistrictId, string DistrictName, string AreaLevel, IReadOnlyList<string> CoordinatorEmails, IReadOnlyList<Unit> Units);

    public sealed record Unit(string UnitId, string UnitName, IReadOnlyList<string> OfficerEmails);
}
