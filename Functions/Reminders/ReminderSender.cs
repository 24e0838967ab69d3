using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Campaigns;
using TetReadiness.Email;
using TetReadiness.Links;
using TetReadiness.Outbox;
using TetReadiness.Platform;
using TetReadiness.Roster;
using TetReadiness.Storage;

namespace TetReadiness.Reminders;

/// <summary>
/// Sends one queued reminder. The send is claimed on its <c>Reminders</c> row (with the row's ETag) before SendGrid
/// is called, so a redelivered or concurrent copy of the message (or one a re-drive brought back) is skipped. When
/// email is not configured or SendGrid refuses the key, the claim is released without using up an attempt and the
/// message fails, so it is delivered again later (or, once poisoned, queued again by the next scan or a re-drive).
/// SendGrid has no idempotency key: a crash after SendGrid accepted the mail and before the row says <c>sent</c>
/// can still send it twice.
/// </summary>
public sealed class ReminderSender(
    StorageTables tables,
    ICampaignDirectory campaigns,
    IUnitDirectory roster,
    UnitLinkService links,
    IEmailSender email,
    TimeProvider clock,
    IOptions<AppOptions> app,
    IOptions<ReminderOptions> options,
    ILogger<ReminderSender> logger)
{
    /// <summary>A claim older than this is taken to be from a sender that died.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Sends every reminder of one queue message, a few at a time. Each is settled on its own row; if any failed,
    /// this throws once all have been tried, so the queue redelivers the message and only the unsent are tried again.
    /// </summary>
    public async Task SendAllAsync(IReadOnlyList<ReminderMessage> messages, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<Exception>();
        var notConfigured = 0;
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.SendParallelismPerMessage), CancellationToken = cancellationToken },
            async (message, token) =>
            {
                if (Volatile.Read(ref notConfigured) > 0)
                {
                    // The key does not work: the rest of the message waits with it, untouched, and SendGrid is spared the calls.
                    failures.Enqueue(new EmailNotConfiguredException($"Reminder {message.IdempotencyKey} waits: email is not configured."));
                    return;
                }

                try
                {
                    await SendAsync(message, token);
                }
                catch (EmailNotConfiguredException exception)
                {
                    Interlocked.Increment(ref notConfigured);
                    failures.Enqueue(exception);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    failures.Enqueue(exception);
                }
            });

        if (notConfigured > 0)
        {
            // One fault, already logged once by EmailStatus; the message is delivered again later, nothing used up.
            throw new EmailNotConfiguredException($"{failures.Count} of {messages.Count} reminders wait: email is not configured or SendGrid refused the key.");
        }

        switch (failures.Count)
        {
            case 0:
                return;
            case 1:
                ExceptionDispatchInfo.Throw(failures.Single());
                return;
            default:
                logger.LogWarning("{Failed} of {Count} reminders in this message failed; the message will be delivered again", failures.Count, messages.Count);
                throw new AggregateException($"{failures.Count} of {messages.Count} reminders failed.", failures);
        }
    }

    public async Task SendAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        var found = await tables.Reminders.GetEntityIfExistsAsync<ReminderEntity>(message.CampaignId, ReminderEntity.RowKeyFor(message.UnitId, message.Checkpoint), cancellationToken: cancellationToken);
        if (!found.HasValue)
        {
            logger.LogWarning("Reminder {IdempotencyKey} has no Reminders row; dropping the message", message.IdempotencyKey);
            return;
        }

        var row = found.Value!;
        var now = clock.GetUtcNow();
        if (row.State is ReminderState.Sent or ReminderState.Failed or ReminderState.Superseded)
        {
            logger.LogInformation("Reminder {IdempotencyKey} is already {State}; not sending again", message.IdempotencyKey, row.State);
            return;
        }

        if (row.State == ReminderState.Sending && row.ClaimedAt > now - ClaimLease)
        {
            throw new TransientSendException($"Reminder {message.IdempotencyKey} is being sent by another invocation.");
        }

        row.State = ReminderState.Sending;
        row.Attempts++;
        row.ClaimedAt = now;
        try
        {
            row.ETag = (await tables.Reminders.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            logger.LogInformation("Reminder {IdempotencyKey} was claimed by another invocation; skipping", message.IdempotencyKey);
            return;
        }

        var campaign = await campaigns.FindAsync(row.CampaignId, cancellationToken);
        var unit = await roster.GetUnitAsync(row.UnitId, cancellationToken);
        var result = campaign is null || unit is null
            ? new EmailSendResult(EmailSendOutcome.PermanentFailure, null, "The campaign or the unit no longer exists.")
            : await email.SendAsync(ReminderEmail.Compose(row, campaign.Title, campaign.Deadline, FormUrl(campaign, unit)), cancellationToken);

        row.LastError = result.Error;
        switch (result.Outcome)
        {
            case EmailSendOutcome.NotConfigured:
                // Not an attempt: the email never reached a SendGrid that could take it. EmailStatus has logged the fault.
                row.State = ReminderState.Queued;
                row.Attempts--;
                await RecordAsync(row, cancellationToken);
                throw new EmailNotConfiguredException($"Reminder {message.IdempotencyKey} waits: email is not configured or SendGrid refused the key.");
            case EmailSendOutcome.Sent:
                row.State = ReminderState.Sent;
                row.SentAt = clock.GetUtcNow();
                await RecordAsync(row, cancellationToken);
                logger.LogInformation("Reminder {Kind} sent to {UnitId} for {CampaignId} (attempt {Attempts})", row.Kind, row.UnitId, row.CampaignId, row.Attempts);
                return;
            case EmailSendOutcome.PermanentFailure:
                row.State = ReminderState.Failed;
                await RecordAsync(row, cancellationToken);
                logger.LogError("Email send failed permanently for reminder {IdempotencyKey} with {StatusCode}", message.IdempotencyKey, result.StatusCode);
                return;
            default:
                var givingUp = OutboxRecovery.GivesUp(row.Attempts, row.Redrives, options.Value.MaxSendAttempts);
                row.State = givingUp ? ReminderState.Failed : ReminderState.Queued;
                if (givingUp)
                {
                    row.GaveUpAt = clock.GetUtcNow();
                    row.LastError = $"Gave up after {row.Attempts} attempts; the message goes to reminders-poison, from where RedrivePoison can bring it back. Last error: {result.Error}";
                }

                await RecordAsync(row, cancellationToken);
                // SendGrid's error text stays in the row: the host logs this message, and that text may quote the recipient.
                throw new TransientSendException($"Email send failed for reminder {message.IdempotencyKey} (attempt {row.Attempts}, HTTP {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer"}).");
        }
    }

    /// <summary>The unit's own signed link, so an officer without an Entra account can report straight from the email.</summary>
    private string FormUrl(Campaign campaign, RosterUnit unit) =>
        links.LinkForReminder(campaign, unit)?.Url ?? app.Value.FormUrl(campaign.CampaignId, unit.UnitId);

    private async Task RecordAsync(ReminderEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Reminders.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            logger.LogWarning("Reminder {UnitId}/{Checkpoint} changed while it was being sent; keeping the newer record", row.UnitId, row.Checkpoint);
        }
    }
}
