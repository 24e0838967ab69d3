namespace TetReadiness.Roster;

/// <summary>
/// One row of <c>RosterPeople</c> an import writes or removes: an officer's row for <see cref="Unit"/>, or a
/// coordinator's for <see cref="District"/>.
/// </summary>
public readonly record struct RosterPersonChange(string Email, RosterUnit? Unit, RosterDistrict? District, bool Remove);
