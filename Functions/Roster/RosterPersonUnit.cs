namespace TetReadiness.Roster;

/// <summary>An active unit an officer reports for, as <see cref="RosterPerson"/> lists it.</summary>
public sealed record RosterPersonUnit(string UnitId, string UnitName, string DistrictId, string DistrictName);
