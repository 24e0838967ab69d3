namespace TetReadiness.Storage;

/// <summary>
/// A one-time change of stored rows that a new version of the app needs (new keys, a new index). The app runs each
/// registered migration at start-up, after the tables exist, until it has completed once; the completion is recorded in
/// the <c>Migrations</c> table. A migration must be idempotent and safe when two instances run it at the same time
/// (conditional writes, or writes that give the same result twice), and must leave rows written by the new code alone.
/// </summary>
public interface IDataMigration
{
    /// <summary>Stable and unique, e.g. <c>2026-12-submissions-area-keys</c>; recorded once the migration completes.</summary>
    string Id { get; }

    /// <summary>What it does, for the log and the <c>Migrations</c> row.</summary>
    string Description { get; }

    /// <summary>Migrates every row still in the old shape; returns how many rows it wrote or deleted.</summary>
    Task<int> RunAsync(CancellationToken cancellationToken);
}
