using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Digests;

public sealed class DailyDigestFunction(DailyDigestService digests)
{
    /// <summary>Default <c>0 0 10 * * *</c>: 17:00 Vietnam time (CRON is UTC; Linux plans ignore WEBSITE_TIME_ZONE).</summary>
    [Function("DailyDigest")]
    public Task Run([TimerTrigger("%DailyDigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digests.RunAsync(cancellationToken);
}
