using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TetReadiness.Monitoring;

/// <summary>
/// Measures each watched queue (approximate length, age of the oldest visible message, length of its -poison twin)
/// and logs one structured record per queue. Azure Monitor's own queue metric counts the whole account once a day,
/// so the alerts and the workbook read these records ("Queue watch: ...", attributes Queue, Length,
/// OldestAgeMinutes, PoisonLength). Reads only: a peek does not hide or dequeue anything.
/// </summary>
public sealed class QueueWatch(QueueServiceClient queues, IOptions<QueueWatchOptions> options, TimeProvider clock, ILogger<QueueWatch> logger)
{
    public async Task<IReadOnlyList<QueueDepth>> MeasureAsync(CancellationToken cancellationToken)
    {
        var depths = new List<QueueDepth>();
        foreach (var name in options.Value.Names)
        {
            var queue = queues.GetQueueClient(name);
            var length = await LengthAsync(queue, cancellationToken);
            var oldestAgeMinutes = 0;
            if (length > 0)
            {
                var peeked = await queue.PeekMessagesAsync(1, cancellationToken);
                if (peeked.Value is [{ InsertedOn: { } insertedOn }, ..])
                {
                    oldestAgeMinutes = (int)Math.Max(0, (clock.GetUtcNow() - insertedOn).TotalMinutes);
                }
            }

            var poisonLength = await LengthAsync(queues.GetQueueClient($"{name}-poison"), cancellationToken);
            var depth = new QueueDepth(name, length, oldestAgeMinutes, poisonLength);
            logger.LogInformation(
                "Queue watch: {Queue} holds {Length} messages, the oldest waiting {OldestAgeMinutes} minutes; {PoisonLength} in its poison queue",
                depth.Queue, depth.Length, depth.OldestAgeMinutes, depth.PoisonLength);
            depths.Add(depth);
        }

        return depths;
    }

    // A queue nobody has written to yet may not exist (a poison queue appears with its first failed message).
    private static async Task<long> LengthAsync(QueueClient queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCountLong;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return 0;
        }
    }
}
