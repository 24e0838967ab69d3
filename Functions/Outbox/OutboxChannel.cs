namespace TetReadiness.Outbox;

/// <summary>A channel that sends one shape of content (<typeparamref name="TContent"/>), such as an email message.</summary>
public abstract class OutboxChannel<TContent> : IOutboxChannel
    where TContent : class
{
    public abstract string Name { get; }

    public bool Sends(object content) => content is TContent;

    public Task<OutboxSendResult> SendAsync(object content, CancellationToken cancellationToken) =>
        SendAsync((TContent)content, cancellationToken);

    protected abstract Task<OutboxSendResult> SendAsync(TContent content, CancellationToken cancellationToken);
}
