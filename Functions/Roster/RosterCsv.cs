namespace TetReadiness.Roster;

/// <summary>What a roster CSV says, or which rows are wrong and why.</summary>
public sealed record RosterCsv(
    IReadOnlyList<RosterDistrict> Districts,
    IReadOnlyList<RosterUnit> Units,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
