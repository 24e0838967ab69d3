namespace TetReadiness.Outbox;

/// <summary>
/// A kind's table as the outbox reaches it: only through here, so the table stays its kind's own. Every write is
/// conditional on the row's ETag, which the store keeps on the row and refreshes after each write.
/// </summary>
/// <typeparam name="TRow">The kind's row.</typeparam>
/// <typeparam name="TMessage">One row's message as it travels on the queue.</typeparam>
public interface IOutboxStore<TRow, in TMessage>
    where TRow : class, IOutboxRow
{
    /// <summary>The row a queue message names, or null when there is none.</summary>
    Task<TRow?> FindAsync(TMessage message, CancellationToken cancellationToken);

    /// <summary>The row as it is stored now (by its keys), or null when it is gone.</summary>
    Task<TRow?> ReadAgainAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>
    /// Adds the rows that do not exist yet; a row whose idempotency key exists is left as it is. Every row that may
    /// have been added is in <paramref name="added"/> when this returns or throws (a cancelled batch may have landed).
    /// </summary>
    Task AddAsync(IReadOnlyList<TRow> rows, ICollection<TRow> added, CancellationToken cancellationToken);

    /// <summary>Writes the row if nobody changed it since it was read; false when someone did.</summary>
    Task<bool> TryReplaceAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>Deletes the row if nobody changed it since it was read; false when someone did or it is gone.</summary>
    Task<bool> TryDeleteAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>Records that the rows' message is on the queue, for a kind whose rows record it; others do nothing.</summary>
    Task MarkQueuedAsync(IReadOnlyList<TRow> rows, DateTimeOffset at, CancellationToken cancellationToken);
}
