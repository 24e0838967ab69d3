using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Status;

public sealed class StatusRollupFunction(StatusRollupService rollup)
{
    [Function("StatusRollup")]
    public Task Run([TimerTrigger("%StatusRollupSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        rollup.RollUpAsync(cancellationToken);
}
