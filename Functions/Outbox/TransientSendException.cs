namespace TetReadiness.Outbox;

/// <summary>Fails a queue invocation on purpose, so the queue retries it (and finally moves it to the poison queue).</summary>
public sealed class TransientSendException(string message) : Exception(message);
