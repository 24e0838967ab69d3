namespace TetReadiness.Outbox;

/// <summary>
/// A kind of outgoing message (reminders, digests): its queue and message format, its content and its policy. The
/// protocol that adds, queues, claims, sends, records, recovers and re-drives is the same for every kind
/// (<see cref="MessageOutbox{TRow, TMessage}"/>); a kind says only what to send, to whom, and whether it is still due.
/// </summary>
/// <typeparam name="TRow">The kind's row.</typeparam>
/// <typeparam name="TMessage">One row's message as it travels on the queue (a queue message may carry several).</typeparam>
public interface IOutboxKind<TRow, TMessage>
    where TRow : class, IOutboxRow
{
    /// <summary>How logs name the kind: <c>Reminder</c>, <c>Digest</c>.</summary>
    string Name { get; }

    /// <summary>The queue its messages travel on; <c>{QueueName}-poison</c> holds those that failed every attempt.</summary>
    string QueueName { get; }

    /// <summary>Queue messages sent at once by one run.</summary>
    int EnqueueParallelism { get; }

    /// <summary>Rows of one queue message sent at once.</summary>
    int SendParallelism { get; }

    TMessage MessageFor(TRow row);

    /// <summary>The rows' queue messages, each with the rows it carries, in order.</summary>
    IEnumerable<OutboxQueueMessage<TRow>> Pack(IReadOnlyList<TRow> rows);

    /// <summary>The messages one queue message carries; throws <see cref="System.Text.Json.JsonException"/> for anything else.</summary>
    IReadOnlyList<TMessage> Parse(string body);

    /// <summary>Names a message in logs: ids, never an email address.</summary>
    string LogIdOf(TMessage message);

    /// <summary>What to send for the row, through the channel that sends that content, or why there is nothing to send.</summary>
    Task<OutboxComposition> ComposeAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>Whether a row a poison re-drive brings back is still worth sending now; superseded otherwise.</summary>
    Task<bool> IsStillDueAsync(TRow row, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The <c>LastError</c> of a row superseded because it was no longer due when it was found.</summary>
    string NotSentReason(OutboxSupersession why, DateTimeOffset now);
}
