namespace TetReadiness.Email;

/// <summary>Sends one email and says how it went; never throws for a provider's refusal.</summary>
public interface IEmailSender
{
    Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
