namespace TetReadiness.Outbox;

/// <summary>
/// What one run's <see cref="MessageOutbox{TRow, TMessage}.QueueAsync"/> did. <see cref="Added"/>: the rows it added,
/// in whatever state they were decided (those queued went on the queue); <see cref="Resumed"/>: rows an earlier run
/// added and never queued, queued now; <see cref="Existing"/>: rows another run had added already, left to it;
/// <see cref="Requeued"/> and <see cref="Superseded"/>: the lost rows it queued again or superseded.
/// </summary>
public sealed record OutboxQueueResult<TRow>(
    IReadOnlyList<TRow> Added,
    IReadOnlyList<TRow> Resumed,
    IReadOnlyList<TRow> Existing,
    IReadOnlyList<TRow> Requeued,
    int Superseded);
