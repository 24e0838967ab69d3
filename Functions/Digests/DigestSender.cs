using Microsoft.Extensions.Logging;
using TetReadiness.Common;
using TetReadiness.Email;
using TetReadiness.Outbox;

namespace TetReadiness.Digests;

/// <summary>
/// Sends one queued digest. The content is built first, then the send is claimed on the <c>Digests</c> row with the
/// row's ETag before SendGrid is called, so a redelivered or concurrent copy of the message (or one a re-drive brought
/// back) is skipped. A transient failure is recorded and thrown, so the queue retries it; a permanent one is recorded
/// as failed and not retried. When email is not configured or SendGrid refuses the key, the claim is released without
/// using up an attempt and the invocation fails, so the digest is tried again later. SendGrid has no idempotency key: a crash after SendGrid accepted the mail and before the row says <c>sent</c> can
/// still send it twice.
/// </summary>
public sealed class DigestSender(DigestStore digests, DigestComposer composer, IEmailSender email, TimeProvider clock, ILogger<DigestSender> logger)
{
    /// <summary>Send attempts per round (the first delivery, then each re-drive); equal to host.json <c>maxDequeueCount</c>.</summary>
    public const int MaxSendAttempts = 5;

    /// <summary>A claim older than this is taken to be from a sender that died (a send times out after 30 seconds).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    public async Task SendAsync(DigestMessage message, CancellationToken cancellationToken)
    {
        var row = await digests.GetAsync(message.Date, message.Recipient, cancellationToken);
        if (row is null)
        {
            logger.LogWarning("Digest for {Recipient} on {Date} has no Digests row; dropping the message", LogRedaction.Person(message.Recipient), message.Date);
            return;
        }

        if (row.State is DigestState.Sent or DigestState.Failed or DigestState.Superseded)
        {
            logger.LogInformation("Digest for {Recipient} on {Date} is already {State}; not sending again", LogRedaction.Person(row.Recipient), row.DigestDate, row.State);
            return;
        }

        if (row.State == DigestState.Sending && row.ClaimedAt > clock.GetUtcNow() - ClaimLease)
        {
            // Retried after the visibility timeout, by when the other sender has recorded its result.
            throw new DigestSendException($"The digest for {LogRedaction.Person(row.Recipient)} on {row.DigestDate} is being sent by another invocation.");
        }

        var content = await composer.ComposeAsync(row, cancellationToken);
        if (content.Sections.Count == 0)
        {
            row.State = DigestState.Failed;
            row.LastError = "Các chiến dịch của thư này không còn nữa. (Every campaign of this digest has been deleted.)";
            await digests.TryReplaceAsync(row, cancellationToken);
            logger.LogWarning("Digest for {Recipient} on {Date} not sent: none of its campaigns exists any more", LogRedaction.Person(row.Recipient), row.DigestDate);
            return;
        }

        for (var claim = 1; ; claim++)
        {
            row.State = DigestState.Sending;
            row.Attempts++;
            row.ClaimedAt = clock.GetUtcNow();
            if (await digests.TryReplaceAsync(row, cancellationToken))
            {
                break;
            }

            // The row changed since it was read. Not always another sender: the run that queued this message stamps
            // EnqueuedAt right after queueing it, which changes the ETag too. Skipping then would drop today's digest.
            var fresh = await digests.GetAsync(message.Date, message.Recipient, cancellationToken);
            if (fresh is { State: DigestState.Queued } && claim == 3)
            {
                throw new DigestSendException($"The digest of {row.DigestDate} could not be claimed; the queue retries it.");
            }

            if (fresh is not { State: DigestState.Queued })
            {
                logger.LogInformation("Digest for {Recipient} on {Date} was claimed by another invocation; skipping", LogRedaction.Person(row.Recipient), row.DigestDate);
                return;
            }

            row = fresh;
        }

        var result = await email.SendAsync(DigestRenderer.Render(content), cancellationToken);
        row.LastError = result.Error;
        switch (result.Outcome)
        {
            case EmailSendOutcome.NotConfigured:
                // Not an attempt: the email never reached a SendGrid that could take it. EmailStatus has logged the fault.
                row.State = DigestState.Queued;
                row.Attempts--;
                await RecordAsync(row, cancellationToken);
                throw new EmailNotConfiguredException($"The digest of {row.DigestDate} waits: email is not configured or SendGrid refused the key.");
            case EmailSendOutcome.Sent:
                row.State = DigestState.Sent;
                row.SentAt = clock.GetUtcNow();
                await RecordAsync(row, cancellationToken);
                logger.LogInformation("Digest sent to {Recipient} for {Date} with {SectionCount} sections (attempt {Attempts})", LogRedaction.Person(row.Recipient), row.DigestDate, content.Sections.Count, row.Attempts);
                return;
            case EmailSendOutcome.PermanentFailure:
                row.State = DigestState.Failed;
                await RecordAsync(row, cancellationToken);
                // SendGrid's error text stays in the row: it may quote the recipient.
                logger.LogError("A digest for {Date} failed permanently with {StatusCode}", row.DigestDate, result.StatusCode);
                return;
            default:
                var givingUp = OutboxRecovery.GivesUp(row.Attempts, row.Redrives, MaxSendAttempts);
                row.State = givingUp ? DigestState.Failed : DigestState.Queued;
                if (givingUp)
                {
                    row.GaveUpAt = clock.GetUtcNow();
                    row.LastError = $"Gave up after {row.Attempts} attempts; the message goes to digests-poison, from where RedrivePoison can bring it back. Last error: {result.Error}";
                }

                await RecordAsync(row, cancellationToken);
                logger.LogWarning("A digest for {Date} failed on attempt {Attempts} with {StatusCode}; the queue retries it", row.DigestDate, row.Attempts, result.StatusCode);
                throw new DigestSendException($"Sending a digest of {row.DigestDate} failed (attempt {row.Attempts}, HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}).");
        }
    }

    private async Task RecordAsync(DigestEntity row, CancellationToken cancellationToken)
    {
        if (!await digests.TryReplaceAsync(row, cancellationToken))
        {
            logger.LogWarning("Digest for {Recipient} on {Date} changed while it was being sent; keeping the newer record", LogRedaction.Person(row.Recipient), row.DigestDate);
        }
    }
}
