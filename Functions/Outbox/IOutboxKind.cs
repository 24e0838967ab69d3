namespace TetReadiness.Outbox;

/// <summary>
/// A kind of message the outbox sends (reminders, digests): the queue its messages travel on, and how one of its
/// messages coming back from the poison queue makes its rows sendable again.
/// </summary>
public interface IOutboxKind
{
    string QueueName { get; }

    /// <summary>
    /// Reopens the rows <paramref name="message"/> names: a row whose attempts ran out is queued again with a fresh
    /// round of attempts, a waiting row is marked as queued again now, a row that is sent stays sent (so its email
    /// is not sent twice), and a row its kind no longer wants sent is superseded. Returns the rows that will be sent.
    /// Throws <see cref="System.Text.Json.JsonException"/> when the message cannot be read.
    /// </summary>
    Task<int> ReopenAsync(string message, CancellationToken cancellationToken);
}
