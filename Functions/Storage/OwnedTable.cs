namespace TetReadiness.Storage;

/// <summary>
/// A table and the feature that owns it. Each feature registers its own tables, so the code that creates, backs up or
/// restores every table (start-up, backups) works from these registrations and never names another feature's table.
/// </summary>
public sealed record OwnedTable(string Name, string Owner);
