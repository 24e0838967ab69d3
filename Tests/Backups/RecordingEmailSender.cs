using System.Collections.Concurrent;
using TetReadiness.Email;

namespace TetReadiness.Tests.Backups;

/// <summary>Stands in for SendGrid where a test only needs to know whether anything was sent.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return Task.FromResult(EmailSendResult.Sent());
    }
}
