namespace TetReadiness.Maintenance.Restore;

/// <summary>What a restore did to one table: rows written, rows it deleted first (<c>--replace</c>), in-flight messages it marked failed.</summary>
public sealed record RestoredTable(string Table, long Rows, long Replaced, int InFlightSettled);
