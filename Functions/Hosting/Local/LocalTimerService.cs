using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace TetReadiness.Hosting.Local;

/// <summary>Fires a timer function on its six-field CRON schedule, evaluated in UTC as on a Linux plan.</summary>
public sealed class LocalTimerService(
    FunctionDescriptor function,
    string schedule,
    FunctionInvoker invoker,
    TimeProvider clock,
    ILogger<LocalTimerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = CrontabSchedule.Parse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (function.RunOnStartup)
        {
            await RunAsync("RunOnStartup", stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var next = cron.GetNextOccurrence(now);
            logger.LogInformation("Timer {FunctionName} next runs at {Next:u} (schedule {Schedule}, UTC)", function.Name, next, schedule);
            await Task.Delay(next - now, clock, stoppingToken);
            await RunAsync("Timer fired", stoppingToken);
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
