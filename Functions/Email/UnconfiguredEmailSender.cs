namespace TetReadiness.Email;

/// <summary>
/// Stands in for SendGrid when its key is an unresolved Key Vault reference: the reference text is public (it is in
/// the template), so it is never sent as a key. Every email waits (<see cref="EmailSendOutcome.NotConfigured"/>).
/// </summary>
public sealed class UnconfiguredEmailSender(EmailStatus status) : IEmailSender
{
    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        status.ReportFault(null);
        return Task.FromResult(EmailSendResult.NotConfigured("Email is not configured: SendGrid__ApiKey is an unresolved Key Vault reference."));
    }
}
