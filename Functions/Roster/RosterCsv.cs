using TetReadiness.Messages;

namespace TetReadiness.Roster;

/// <summary>What a roster CSV says, or which rows are wrong and why.</summary>
public sealed record RosterCsv(
    IReadOnlyList<RosterDistrict> Districts,
    IReadOnlyList<RosterUnit> Units,
    IReadOnlyDictionary<string, IReadOnlyList<Message>> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
