using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Submissions;

public sealed class ProjectionRepairFunction(ProjectionRepairService repair)
{
    [Function("ProjectionRepair")]
    public Task Run([TimerTrigger("%ProjectionRepairSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        repair.RepairAsync(cancellationToken);
}
