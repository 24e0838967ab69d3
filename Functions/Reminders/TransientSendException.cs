namespace TetReadiness.Reminders;

/// <summary>Fails a queue invocation on purpose, so the queue retries it (and finally poisons it).</summary>
public sealed class TransientSendException(string message) : Exception(message);
