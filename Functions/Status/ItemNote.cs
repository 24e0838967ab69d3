namespace TetReadiness.Status;

/// <summary>A note a unit wrote on an item it is not ready on.</summary>
public sealed record ItemNote(string UnitName, string Note);
