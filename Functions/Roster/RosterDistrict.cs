namespace TetReadiness.Roster;

/// <summary>
/// An area that groups units: a district in 2024 Hanoi, a ward or commune after the 2025 reform.
/// The JSON and CSV keep the name "district"; what the level is called is data (<see cref="AreaLevel"/>).
/// </summary>
public sealed record RosterDistrict(
    string DistrictId,
    string DistrictName,
    IReadOnlyList<string> CoordinatorEmails,
    string AreaLevel = RosterDistrict.DefaultAreaLevel,
    bool Active = true)
{
    public const string DefaultAreaLevel = "Quận/Huyện";
}
