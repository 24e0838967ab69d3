using TetReadiness.Outbox;

namespace TetReadiness.Email;

/// <summary>The outbox's email channel: a kind that composes an <see cref="EmailMessage"/> is sent through <see cref="IEmailSender"/>.</summary>
public sealed class EmailChannel(IEmailSender email) : OutboxChannel<EmailMessage>
{
    public override string Name => "Email";

    protected override async Task<OutboxSendResult> SendAsync(EmailMessage content, CancellationToken cancellationToken)
    {
        var result = await email.SendAsync(content, cancellationToken);
        var outcome = result.Outcome switch
        {
            EmailSendOutcome.Sent => OutboxSendOutcome.Sent,
            EmailSendOutcome.PermanentFailure => OutboxSendOutcome.PermanentFailure,
            EmailSendOutcome.NotConfigured => OutboxSendOutcome.NotConfigured,
            _ => OutboxSendOutcome.TransientFailure,
        };
        return new OutboxSendResult(outcome, result.StatusCode, result.Error);
    }
}
