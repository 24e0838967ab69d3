namespace TetReadiness.Roster;

/// <summary>A reporting unit (ward, commune, health centre, market board, ...) under an area.</summary>
public sealed record RosterUnit(
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    IReadOnlyList<string> OfficerEmails,
    bool Active = true);
