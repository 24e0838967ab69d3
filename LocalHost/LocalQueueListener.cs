using System.Collections.Concurrent;
using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TetReadiness.LocalHost;

/// <summary>
/// Polls a queue as the Functions queue trigger does, with the <c>host.json</c> settings: batches refilled at
/// <c>newBatchThreshold</c>, back-off to <c>maxPollingInterval</c>, retry after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> failures the
/// message moves to <c>{queue}-poison</c>. A message that is not Base64 (when Base64 is expected) is poisoned at once.
/// </summary>
public sealed class LocalQueueListener(
    FunctionDescriptor function,
    QueueClient queue,
    QueueClient poison,
    HostJson settings,
    FunctionInvoker invoker,
    ILogger<LocalQueueListener> logger) : BackgroundService
{
    private static readonly TimeSpan ProcessingLease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    // After a failed poll: doubling up to maxPollingInterval, but never less than this, so a listener whose
    // storage is away never spins.
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = MinimumPollingInterval;
        var failureDelay = FirstRetry;
        var created = false;
        var inFlight = new ConcurrentDictionary<Task, bool>();
        // Not disposed: a handler that settles after shutdown may still release it.
        var settled = new SemaphoreSlim(0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // As the queue extension: a new batch is fetched once no more than newBatchThreshold messages are
                    // still being handled, so at most batchSize + newBatchThreshold run at once and one slow message
                    // never holds up the rest of its batch.
                    if (inFlight.Count > settings.QueueNewBatchThreshold)
                    {
                        await settled.WaitAsync(stoppingToken);
                        continue;
                    }

                    // Once per listener, not per poll: two requests saved on every batch (bench.sh counts them).
                    if (!created)
                    {
                        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        created = true;
                    }

                    var messages = (await queue.ReceiveMessagesAsync(settings.QueueBatchSize, ProcessingLease, stoppingToken)).Value;
                    failureDelay = FirstRetry;
                    if (messages.Length == 0)
                    {
                        await Task.Delay(delay, stoppingToken);
                        delay = TimeSpan.FromTicks(Math.Min(settings.QueueMaxPollingInterval.Ticks, delay.Ticks * 2));
                        continue;
                    }

                    delay = MinimumPollingInterval;
                    foreach (var message in messages)
                    {
                        var handling = ProcessSafelyAsync(message, stoppingToken);
                        inFlight[handling] = true;
                        _ = handling.ContinueWith(
                            done =>
                            {
                                inFlight.TryRemove(done, out _);
                                settled.Release();
                            },
                            CancellationToken.None,
                            TaskContinuationOptions.ExecuteSynchronously,
                            TaskScheduler.Default);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Any exception, not only the storage SDK's own (with retries on, an outage arrives as an
                    // AggregateException): a listener that lets one escape has stopped for good, and under the default
                    // host options the whole app with it. The queues may have gone with the storage, so the next poll
                    // creates them again.
                    created = false;
                    logger.LogWarning(exception, "Queue {Queue} could not be polled; retrying in {Delay}", queue.Name, failureDelay);
                    await Task.Delay(failureDelay, stoppingToken);
                    failureDelay = TimeSpan.FromTicks(Math.Min(Math.Max(FirstRetry.Ticks, settings.QueueMaxPollingInterval.Ticks), failureDelay.Ticks * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the messages in hand finish (or are cancelled) below.
        }

        try
        {
            await Task.WhenAll(inFlight.Keys);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Cancelled by the shutdown: those messages reappear after their lease, as under the Functions host.
        }
    }

    /// <summary>
    /// A queue operation that fails (the message was already deleted or its lease ran out, storage is away) must not
    /// stop the listener: the message reappears after its lease and is handled again, as under the Functions host.
    /// </summary>
    private async Task ProcessSafelyAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await ProcessAsync(message, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Message {MessageId} on {Queue} could not be settled; it will be delivered again", message.MessageId, queue.Name);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        var raw = message.Body.ToString();
        string text;
        try
        {
            text = settings.QueueBase64 ? Encoding.UTF8.GetString(Convert.FromBase64String(raw)) : raw;
        }
        catch (FormatException)
        {
            logger.LogError("Message {MessageId} on {Queue} is not Base64; moving it to {PoisonQueue}", message.MessageId, queue.Name, poison.Name);
            await MoveToPoisonAsync(message, raw, stoppingToken);
            return;
        }

        try
        {
            await invoker.InvokeAsync(function, new FunctionInput($"New queue message detected on '{queue.Name}'.", Message: text), stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.QueueMaxDequeueCount)
            {
                logger.LogError(exception, "Message {MessageId} failed {DequeueCount} times; moving it to {PoisonQueue}", message.MessageId, message.DequeueCount, poison.Name);
                await MoveToPoisonAsync(message, raw, stoppingToken);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.QueueVisibilityTimeout, cancellationToken: stoppingToken);
            }
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string raw, CancellationToken stoppingToken)
    {
        // The body is copied as it arrived, as the host does: the raw text of the original message.
        await poison.SendMessageAsync(raw, stoppingToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken);
    }
}
