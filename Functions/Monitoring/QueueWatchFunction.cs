using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Monitoring;

public sealed class QueueWatchFunction(QueueWatch watch)
{
    /// <summary>Every 5 minutes; the queue alerts look at 15-minute windows of these reports.</summary>
    [Function("QueueWatch")]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        watch.MeasureAsync(cancellationToken);
}
