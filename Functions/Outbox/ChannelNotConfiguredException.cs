namespace TetReadiness.Outbox;

/// <summary>
/// Fails a send invocation on purpose when a channel is not configured or its provider refuses the key: the queue
/// delivers the message again later, and nothing it carries is used up (see <see cref="OutboxSendOutcome.NotConfigured"/>).
/// </summary>
public sealed class ChannelNotConfiguredException(string message) : Exception(message);
