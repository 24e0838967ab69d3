using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Reviews;

/// <summary>On the projection repair's schedule (<c>ProjectionRepairSchedule</c>): no setting of its own.</summary>
public sealed class ReviewRepairFunction(ReviewRepairService repair)
{
    [Function("ReviewRepair")]
    public Task Run([TimerTrigger("%ProjectionRepairSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        repair.RepairAsync(cancellationToken);
}
