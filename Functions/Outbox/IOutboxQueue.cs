namespace TetReadiness.Outbox;

/// <summary>An outbox as the poison re-drive sees it, whatever its kind: its queue, and how a message reopens its rows.</summary>
public interface IOutboxQueue
{
    string QueueName { get; }

    /// <summary>
    /// Reopens the rows <paramref name="message"/> names: a row whose attempts ran out is queued again with a fresh
    /// round of attempts, a waiting row is marked as queued again now, a row that is sent stays sent (so it is not sent
    /// twice), and a row its kind no longer wants sent is superseded. Returns the rows that will be sent.
    /// Throws <see cref="System.Text.Json.JsonException"/> when the message cannot be read.
    /// </summary>
    Task<int> ReopenAsync(string message, CancellationToken cancellationToken);
}
