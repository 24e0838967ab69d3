using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TetReadiness.Storage;

namespace TetReadiness.Outbox;

/// <summary>
/// Moves the messages of every kind's <c>{queue}-poison</c> back to <c>{queue}</c>, once an operator has fixed what
/// poisoned them. Each message's rows are reopened first (<see cref="IOutboxQueue.ReopenAsync"/>), so a row already
/// sent is not sent again: the sender's ETag claim skips it. A message is moved byte for byte, as the Functions host
/// moved it to poison; one that cannot be read stays in poison, since it would only fail again. A run handles the
/// messages that were in poison when it started, so whatever fails again during the run waits for the next one.
/// </summary>
public sealed class PoisonRedriveService(
    IEnumerable<IOutboxQueue> outboxes,
    IConfiguration configuration,
    IOptions<StorageOptions> storage,
    ILogger<PoisonRedriveService> logger)
{
    /// <summary>How long a received poison message stays hidden while it is moved; far longer than moving takes.</summary>
    private static readonly TimeSpan MoveLease = TimeSpan.FromMinutes(5);

    // No encoding: the bytes are moved as they are, Base64 or not.
    private readonly QueueServiceClient queues = StorageClientFactory.CreateQueueService(configuration, storage.Value, QueueMessageEncoding.None);

    public async Task<PoisonRedriveResult> RedriveAsync(CancellationToken cancellationToken)
    {
        var total = new PoisonRedriveResult(0, 0, 0);
        foreach (var outbox in outboxes)
        {
            var result = await RedriveAsync(outbox, cancellationToken);
            total = new PoisonRedriveResult(total.Moved + result.Moved, total.Sendable + result.Sendable, total.Kept + result.Kept);
        }

        return total;
    }

    private async Task<PoisonRedriveResult> RedriveAsync(IOutboxQueue outbox, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(outbox.QueueName);
        var poison = queues.GetQueueClient(outbox.QueueName + "-poison");
        if (!await poison.ExistsAsync(cancellationToken))
        {
            return new PoisonRedriveResult(0, 0, 0);
        }

        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var remaining = (await poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var (moved, sendable, kept) = (0, 0, 0);
        while (remaining > 0)
        {
            var batch = (await poison.ReceiveMessagesAsync(Math.Min(32, remaining), MoveLease, cancellationToken)).Value;
            if (batch.Length == 0)
            {
                break;
            }

            remaining -= batch.Length;
            foreach (var message in batch)
            {
                int? reopened;
                try
                {
                    reopened = await outbox.ReopenAsync(Decode(message), cancellationToken);
                }
                catch (Exception exception) when (exception is JsonException or FormatException)
                {
                    reopened = null;
                }

                if (reopened is null)
                {
                    kept++;
                    logger.LogWarning("Message {MessageId} in {PoisonQueue} cannot be read; left there", message.MessageId, poison.Name);
                    continue;
                }

                await queue.SendMessageAsync(message.Body.ToString(), cancellationToken);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
                sendable += reopened.Value;
            }
        }

        logger.LogInformation("Re-drive of {PoisonQueue}: {Moved} messages moved back to {Queue}, {Sendable} rows to send, {Kept} unreadable messages left",
            poison.Name, moved, queue.Name, sendable, kept);
        return new PoisonRedriveResult(moved, sendable, kept);
    }

    /// <summary>The message as its trigger reads it: Base64 (host.json <c>messageEncoding</c>), then UTF-8.</summary>
    private static string Decode(QueueMessage message) => Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString()));
}
