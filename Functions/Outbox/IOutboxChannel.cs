namespace TetReadiness.Outbox;

/// <summary>
/// A way a message reaches people (email now; Zalo ZNS or SMS later). A kind composes content of the shape a channel
/// sends, and the outbox hands it to the channel that sends that shape. Derive from
/// <see cref="OutboxChannel{TContent}"/> and register it with <c>AddOutboxChannel</c>: that is all a new channel takes.
/// </summary>
public interface IOutboxChannel
{
    /// <summary>How logs name the channel: <c>Email</c>.</summary>
    string Name { get; }

    bool Sends(object content);

    /// <summary>Sends once and says how it went; never throws for a provider's refusal.</summary>
    Task<OutboxSendResult> SendAsync(object content, CancellationToken cancellationToken);
}
