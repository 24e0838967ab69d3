using TetReadiness.Identity;

namespace TetReadiness.Roster;

/// <summary>
/// A reporting unit (ward, commune, health centre, market board, ...) under an area. <see cref="LinkGeneration"/>
/// goes up when a coordinator revokes the unit's links.
/// </summary>
public sealed record RosterUnit(
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    IReadOnlyList<string> OfficerEmails,
    bool Active = true,
    int LinkGeneration = 0) : IUnitAccess;
