namespace TetReadiness.Backups;

/// <summary>One table in a day's manifest: its name without any <c>Storage__TablePrefix</c>, its blob and its row count.</summary>
public sealed record BackupTableEntry(string Table, string Blob, long Rows);
