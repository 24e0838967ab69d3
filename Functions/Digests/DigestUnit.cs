namespace TetReadiness.Digests;

/// <summary>A unit a digest names, with its area (a city digest lists units of every area).</summary>
public sealed record DigestUnit(string UnitId, string UnitName, string DistrictName);
