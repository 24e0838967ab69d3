namespace TetReadiness.Status;

/// <summary>A unit's note on an item it is partial or not ready on, with when its report came in.</summary>
public sealed record TalliedNote(string UnitId, string UnitName, string Note, DateTimeOffset SubmittedAt);
