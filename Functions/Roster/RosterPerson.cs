namespace TetReadiness.Roster;

/// <summary>What the current roster says of one email: the active units it reports for and the active areas it coordinates, by id.</summary>
public sealed record RosterPerson(IReadOnlyList<RosterPersonUnit> Units, IReadOnlyList<string> DistrictIds)
{
    public static RosterPerson Nobody { get; } = new([], []);
}
