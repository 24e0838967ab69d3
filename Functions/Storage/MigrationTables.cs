namespace TetReadiness.Storage;

/// <summary>The table the storage plumbing owns: which data migrations have completed.</summary>
public static class MigrationTables
{
    /// <summary>Partition <c>migrations</c>, row key the migration's id; CompletedAt, Description, Changes.</summary>
    public const string Migrations = "Migrations";

    public static readonly IReadOnlyList<string> All = [Migrations];
}
