using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TetReadiness.Outbox;

/// <summary>
/// The one send protocol for every kind of outgoing message. A run adds its rows (an add fails for a row that exists:
/// the row key is the idempotency key), queues what it added, and takes back what it added but could not queue. A
/// sender claims a row with its ETag before handing it to a channel and records the outcome, so a redelivered,
/// concurrent or re-driven message sends nothing twice. What a run finds lost is queued again or superseded
/// (<see cref="OutboxRecovery"/>), and a poison re-drive reopens rows (<see cref="IOutboxQueue"/>). The kind supplies
/// the content, the policy and the queue format; its store is the only way to its table. Logs go under the kind's
/// own category. A channel has no idempotency key: a crash after it accepted a message and before the row says
/// <c>sent</c> can still send it twice.
/// </summary>
public sealed class MessageOutbox<TRow, TMessage> : IOutboxQueue
    where TRow : class, IOutboxRow
{
    /// <summary>How often a sender tries to claim a row that others keep changing while it stays queued.</summary>
    private const int ClaimTries = 3;

    private readonly IOutboxKind<TRow, TMessage> kind;
    private readonly IOutboxStore<TRow, TMessage> rows;
    private readonly QueueServiceClient queues;
    private readonly IReadOnlyList<IOutboxChannel> channels;
    private readonly IOptions<OutboxOptions> options;
    private readonly TimeProvider clock;
    private readonly ILogger logger;

    public MessageOutbox(
        IOutboxKind<TRow, TMessage> kind,
        IOutboxStore<TRow, TMessage> rows,
        QueueServiceClient queues,
        IEnumerable<IOutboxChannel> channels,
        IOptions<OutboxOptions> options,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        this.kind = kind;
        this.rows = rows;
        this.queues = queues;
        this.channels = channels.ToList();
        this.options = options;
        this.clock = clock;
        logger = loggers.CreateLogger(kind.GetType());
    }

    public string QueueName => kind.QueueName;

    /// <summary>
    /// A run's part of the protocol. First the rows it found lost (<paramref name="lost"/>, as it read them) are read
    /// again and settled with their ETag: queued again while <paramref name="stillDue"/>, superseded otherwise; a row
    /// another run or a sender wrote in between is left to them. Then the rows it decided are added; those added as
    /// queued go on the queue with the requeued ones, and so does a row an earlier run added and never queued
    /// (<see cref="IOutboxRow.NeverQueued"/>). If the run is cancelled or fails before they are all queued, the rows it
    /// added and did not queue are taken back, so the next run decides them again. A requeued row whose message then
    /// fails to reach the queue is simply lost again, and found an hour later.
    /// </summary>
    public async Task<OutboxQueueResult<TRow>> QueueAsync(
        IReadOnlyList<TRow> decided, IReadOnlyList<TRow> lost, Func<TRow, bool> stillDue, CancellationToken cancellationToken)
    {
        var (requeued, superseded) = await RecoverAsync(lost, stillDue, clock.GetUtcNow(), cancellationToken);
        var added = new List<TRow>();
        var resumed = new List<TRow>();
        var existing = new List<TRow>();
        var enqueued = new ConcurrentDictionary<TRow, bool>(ReferenceEqualityComparer.Instance);
        var completed = false;
        try
        {
            await rows.AddAsync(decided, added, cancellationToken);
            foreach (var row in decided.Except(added, ReferenceEqualityComparer.Instance).Cast<TRow>())
            {
                var current = await rows.ReadAgainAsync(row, cancellationToken);
                if (current is { State: OutboxState.Queued, NeverQueued: true })
                {
                    // Should a message for it exist after all, the sender's claim keeps it from going out twice.
                    resumed.Add(current);
                }
                else
                {
                    existing.Add(current ?? row);
                }
            }

            await EnqueueAsync([.. added.Where(r => r.State == OutboxState.Queued), .. resumed, .. requeued], enqueued, cancellationToken);
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                await TakeBackAsync([.. added.Where(r => r.State == OutboxState.Queued && !enqueued.ContainsKey(r))]);
            }
        }

        return new OutboxQueueResult<TRow>(added, resumed, existing, requeued, superseded);
    }

    /// <summary>Sends the messages of one queue message (<see cref="IOutboxKind{TRow, TMessage}.Parse"/>).</summary>
    public Task SendAsync(string body, CancellationToken cancellationToken) => SendAsync(kind.Parse(body), cancellationToken);

    /// <summary>
    /// Sends every message of one queue message, a few at a time. Each is settled on its own row; if any failed, this
    /// throws once all have been tried, so the queue delivers the message again and only the unsent are tried again.
    /// Once a channel turns out not to be configured, the rest wait untouched and its provider is spared the calls.
    /// </summary>
    public async Task SendAsync(IReadOnlyList<TMessage> messages, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<Exception>();
        var notConfigured = 0;
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, kind.SendParallelism), CancellationToken = cancellationToken },
            async (message, token) =>
            {
                if (Volatile.Read(ref notConfigured) > 0)
                {
                    failures.Enqueue(new ChannelNotConfiguredException($"{kind.Name} {kind.LogIdOf(message)} waits: its channel is not configured."));
                    return;
                }

                try
                {
                    await SendOneAsync(message, token);
                }
                catch (ChannelNotConfiguredException exception)
                {
                    Interlocked.Increment(ref notConfigured);
                    failures.Enqueue(exception);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    failures.Enqueue(exception);
                }
            });

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures.Single());
        }

        if (notConfigured > 0)
        {
            // One fault, which the channel has logged once; the message is delivered again later, nothing used up.
            throw new ChannelNotConfiguredException($"{failures.Count} of {messages.Count} {kind.Name} messages wait: their channel is not configured or its provider refused the key.");
        }

        if (failures.Count > 1)
        {
            logger.LogWarning("{Failed} of {Count} {Kind} messages in this queue message failed; it will be delivered again", failures.Count, messages.Count, kind.Name);
            throw new AggregateException($"{failures.Count} of {messages.Count} {kind.Name} messages failed.", failures);
        }
    }

    public async Task<int> ReopenAsync(string message, CancellationToken cancellationToken)
    {
        var sendable = 0;
        foreach (var reopened in kind.Parse(message))
        {
            if (await ReopenAsync(reopened, cancellationToken))
            {
                sendable++;
            }
        }

        return sendable;
    }

    private async Task SendOneAsync(TMessage message, CancellationToken cancellationToken)
    {
        var id = kind.LogIdOf(message);
        var row = await rows.FindAsync(message, cancellationToken);
        if (row is null)
        {
            logger.LogWarning("{Kind} {MessageId} has no row; dropping the message", kind.Name, id);
            return;
        }

        switch (OutboxRules.Decide(row, clock.GetUtcNow()))
        {
            case OutboxClaim.Done:
                logger.LogInformation("{Kind} {MessageId} is already {State}; not sending again", kind.Name, id, row.State);
                return;
            case OutboxClaim.Busy:
                // Retried after the visibility timeout, by when the other sender has recorded its result.
                throw new TransientSendException($"{kind.Name} {id} is being sent by another invocation.");
        }

        // Composed before the claim, so the claim is held only while the channel is called.
        var composition = await kind.ComposeAsync(row, cancellationToken);
        if (composition.Content is not { } content)
        {
            OutboxRules.NothingToSend(row, composition.NothingToSend ?? "Nothing to send.");
            await rows.TryReplaceAsync(row, cancellationToken);
            logger.LogWarning("{Kind} {MessageId} recorded as failed without sending: {Reason}", kind.Name, id, row.LastError);
            return;
        }

        if (await ClaimAsync(row, message, id, cancellationToken) is not { } claimed)
        {
            return;
        }

        var channel = channels.FirstOrDefault(c => c.Sends(content))
            ?? throw new InvalidOperationException($"No outbox channel sends {content.GetType().Name}; register one with AddOutboxChannel.");
        var result = await channel.SendAsync(content, cancellationToken);
        var settlement = OutboxRules.Settle(claimed, result, options.Value.MaxSendAttempts, kind.QueueName + "-poison", clock.GetUtcNow());
        await RecordAsync(claimed, id, cancellationToken);
        var status = result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer";
        switch (settlement)
        {
            case OutboxSettlement.WaitsForChannel:
                // Not an attempt: the message never reached a provider that could take it. The channel has logged the fault.
                throw new ChannelNotConfiguredException($"{kind.Name} {id} waits: the {channel.Name} channel is not configured or its provider refused the key.");
            case OutboxSettlement.Sent:
                logger.LogInformation("{Kind} {MessageId} sent to its recipients by {Channel} (attempt {Attempts})", kind.Name, id, channel.Name, claimed.Attempts);
                return;
            case OutboxSettlement.FailedPermanently:
                // The provider's error text stays in the row: it may quote a recipient.
                logger.LogError("{Channel} send failed permanently for {Kind} {MessageId} with {StatusCode}", channel.Name, kind.Name, id, result.StatusCode);
                return;
            default:
                logger.LogWarning("{Kind} {MessageId} failed on attempt {Attempts} with {StatusCode}; the queue retries it", kind.Name, id, claimed.Attempts, result.StatusCode);
                throw new TransientSendException($"{channel.Name} send failed for {kind.Name} {id} (attempt {claimed.Attempts}, HTTP {status}).");
        }
    }

    /// <summary>
    /// Claims the row with the ETag it was read with. Losing the claim is not always to another sender: the run that
    /// queued the message may stamp the row right after queueing it, or a scan may mark it found lost, and either
    /// changes the ETag. So while the row still says queued, it is read again and claimed again.
    /// </summary>
    private async Task<TRow?> ClaimAsync(TRow row, TMessage message, string id, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            OutboxRules.Claim(row, clock.GetUtcNow());
            if (await rows.TryReplaceAsync(row, cancellationToken))
            {
                return row;
            }

            var fresh = await rows.FindAsync(message, cancellationToken);
            if (fresh is not { State: OutboxState.Queued })
            {
                logger.LogInformation("{Kind} {MessageId} was claimed by another invocation; skipping", kind.Name, id);
                return null;
            }

            if (tries == ClaimTries)
            {
                throw new TransientSendException($"{kind.Name} {id} could not be claimed; the queue retries it.");
            }

            row = fresh;
        }
    }

    private async Task RecordAsync(TRow row, string id, CancellationToken cancellationToken)
    {
        if (!await rows.TryReplaceAsync(row, cancellationToken))
        {
            logger.LogWarning("{Kind} {MessageId} changed while it was being sent; keeping the newer record", kind.Name, id);
        }
    }

    private async Task<bool> ReopenAsync(TMessage message, CancellationToken cancellationToken)
    {
        var row = await rows.FindAsync(message, cancellationToken);
        if (row is null || !OutboxRecovery.CanReopen(row))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var stillDue = await kind.IsStillDueAsync(row, now, cancellationToken);
        OutboxRecovery.Reopen(row, stillDue, kind.NotSentReason(OutboxSupersession.Redriven, now), now);
        if (!await rows.TryReplaceAsync(row, cancellationToken))
        {
            // A sender or a run wrote it meanwhile; the sender's own claim decides whether it goes out.
            logger.LogInformation("{Kind} {MessageId} changed while being reopened; left as it is", kind.Name, kind.LogIdOf(message));
            return false;
        }

        return stillDue;
    }

    private async Task<(List<TRow> Requeued, int Superseded)> RecoverAsync(
        IReadOnlyList<TRow> lost, Func<TRow, bool> stillDue, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requeued = new List<TRow>();
        var superseded = 0;
        foreach (var seen in lost)
        {
            var row = await rows.ReadAgainAsync(seen, cancellationToken);
            if (row is null || !OutboxRecovery.IsLost(row.State, row.LastTouched(), now))
            {
                continue;
            }

            var send = stillDue(row);
            OutboxRecovery.Recover(row, send, kind.NotSentReason(OutboxSupersession.FoundLost, now), now);
            if (!await rows.TryReplaceAsync(row, cancellationToken))
            {
                continue;
            }

            if (send)
            {
                requeued.Add(row);
            }
            else
            {
                superseded++;
            }
        }

        return (requeued, superseded);
    }

    private async Task EnqueueAsync(IReadOnlyList<TRow> toQueue, ConcurrentDictionary<TRow, bool> enqueued, CancellationToken cancellationToken)
    {
        if (toQueue.Count == 0)
        {
            return;
        }

        var messages = kind.Pack(toQueue).ToList();
        var queue = queues.GetQueueClient(kind.QueueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Parallel.ForEachAsync(
            messages,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, kind.EnqueueParallelism), CancellationToken = cancellationToken },
            async (message, token) =>
            {
                await queue.SendMessageAsync(message.Body, token);
                foreach (var row in message.Rows)
                {
                    enqueued[row] = true;
                }

                await rows.MarkQueuedAsync(message.Rows, clock.GetUtcNow(), token);
            });
        logger.LogInformation("Queued {Rows} {Kind} rows in {Messages} messages on {Queue}", toQueue.Count, kind.Name, messages.Count, kind.QueueName);
    }

    /// <summary>
    /// Best effort, and deliberately not cancellable: it runs because the run was cancelled or failed. Only a row
    /// nothing has touched is deleted (queued, unclaimed, by its ETag): a queue write can succeed although the run saw it
    /// fail (a timeout), and a sender may then have claimed or sent the row; deleting that would send it twice. A row
    /// left behind (storage gone too) is found lost by a later run (<see cref="OutboxRecovery.LostAfter"/>).
    /// </summary>
    private async Task TakeBackAsync(IReadOnlyList<TRow> unqueued)
    {
        foreach (var row in unqueued)
        {
            var id = kind.LogIdOf(kind.MessageFor(row));
            try
            {
                if (await rows.ReadAgainAsync(row, CancellationToken.None) is { State: OutboxState.Queued, ClaimedAt: null } untouched)
                {
                    await rows.TryDeleteAsync(untouched, CancellationToken.None);
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "{Kind} {MessageId} was added but not queued; a later run queues it again", kind.Name, id);
            }
        }

        if (unqueued.Count > 0)
        {
            logger.LogWarning("{Kind} run interrupted: took back {Count} rows added but not queued, for the next run", kind.Name, unqueued.Count);
        }
    }
}
