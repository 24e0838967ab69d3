using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace TetReadiness.LocalHost;

/// <summary>Fires a timer function on its six-field CRON schedule, evaluated in UTC as on a Linux plan.</summary>
public sealed class LocalTimerService(
    FunctionDescriptor function,
    string schedule,
    FunctionInvoker invoker,
    TimeProvider clock,
    ILogger<LocalTimerService> logger) : BackgroundService
{
    // Task.Delay takes at most about 49 days; a yearly schedule waits in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan RetryAfterFault = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (function.RunOnStartup)
        {
            await RunAsync("RunOnStartup", stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var next = cron.GetNextOccurrence(clock.GetUtcNow().UtcDateTime);
                logger.LogInformation("Timer {FunctionName} next runs at {Next:u} (schedule {Schedule}, UTC)", function.Name, next, schedule);
                await DelayUntilAsync(next, stoppingToken);
                await RunAsync("Timer fired", stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever it was, the timer goes on: a background service that lets an exception escape has stopped
                // for good, and under the default host options the whole app with it.
                logger.LogError(exception, "Timer {FunctionName} could not be scheduled; trying again in {Delay}", function.Name, RetryAfterFault);
                await Task.Delay(RetryAfterFault, clock, stoppingToken);
            }
        }
    }

    private async Task DelayUntilAsync(DateTime next, CancellationToken stoppingToken)
    {
        TimeSpan remaining;
        while ((remaining = next - clock.GetUtcNow().UtcDateTime) > TimeSpan.Zero)
        {
            await Task.Delay(remaining < LongestWait ? remaining : LongestWait, clock, stoppingToken);
        }
    }

    private async Task RunAsync(string reason, CancellationToken stoppingToken)
    {
        try
        {
            await invoker.InvokeAsync(function, new FunctionInput(reason), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The host logs a failed timer run and waits for the next occurrence; so does local mode.
            logger.LogError(exception, "Timer function {FunctionName} failed", function.Name);
        }
    }
}
