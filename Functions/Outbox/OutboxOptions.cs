namespace TetReadiness.Outbox;

/// <summary>
/// The outbox's one setting, not bound from a section of its own: the host decides how often a queue message is
/// delivered before it is poisoned (<c>host.json</c> <c>extensions.queues.maxDequeueCount</c>), and a row allows as
/// many send attempts per round, so the row says failed exactly when its message goes to the poison queue.
/// <see cref="HostJsonQueues"/> reads it the way the host does.
/// </summary>
public sealed class OutboxOptions
{
    /// <summary>Send attempts per round (the first delivery, then each re-drive): the host's <c>maxDequeueCount</c>.</summary>
    public int MaxSendAttempts { get; set; }
}
