namespace TetReadiness.Email;

/// <summary>
/// Fails a send invocation on purpose when email is not configured or SendGrid refuses the key: the queue delivers
/// the message again later, and nothing it carries is used up (see <see cref="EmailSendOutcome.NotConfigured"/>).
/// </summary>
public sealed class EmailNotConfiguredException(string message) : Exception(message);
