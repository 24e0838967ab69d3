using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Reminders;

public sealed class ReminderScanFunction(ReminderScanService scan)
{
    /// <summary>Default <c>0 0 1 * * *</c>: 08:00 Vietnam time (CRON is UTC; Linux plans ignore WEBSITE_TIME_ZONE).</summary>
    [Function("ReminderScan")]
    public Task Run([TimerTrigger("%ReminderScanSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        scan.ScanAsync(cancellationToken);
}
