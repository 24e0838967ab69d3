using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Outbox;

public sealed class RedrivePoisonFunction(PoisonRedriveService redrive)
{
    /// <summary>
    /// Disabled by default (<c>AzureWebJobs.RedrivePoison.Disabled=true</c>): an operator runs it with
    /// <c>POST /admin/functions/RedrivePoison</c> once the cause is fixed. Never automatic by default, since a message
    /// that is truly bad would go round forever; <c>%RedrivePoisonSchedule%</c> is there for a city that wants it.
    /// </summary>
    [Function("RedrivePoison")]
    public Task Run([TimerTrigger("%RedrivePoisonSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        redrive.RedriveAsync(cancellationToken);
}
