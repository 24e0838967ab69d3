using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TetReadiness.Http;
using TetReadiness.LocalHost;

namespace TetReadiness.Tests.Hosting;

/// <summary>Local mode's timer keeps its host running whatever its schedule.</summary>
public sealed class LocalTimerServiceTests
{
    [Fact]
    public async Task A_yearly_schedule_waits_in_steps_instead_of_failing_the_timer()
    {
        // Eleven months before the next 1 January: more than one Task.Delay can wait.
        var clock = new RecordingClock(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero));
        using var services = new ServiceCollection().BuildServiceProvider();
        var function = new FunctionDescriptor("Yearly", FunctionTriggerKind.Timer, typeof(LocalTimerServiceTests).GetMethod(nameof(A_yearly_schedule_waits_in_steps_instead_of_failing_the_timer))!);
        using var timer = new LocalTimerService(
            function,
            "0 0 0 1 1 *",
            new FunctionInvoker(services.GetRequiredService<IServiceScopeFactory>(), new HttpEdge(NullLogger<HttpEdge>.Instance, publicBaseUrl: null), NullLogger<FunctionInvoker>.Instance),
            clock,
            NullLogger<LocalTimerService>.Instance);

        try
        {
            await timer.StartAsync(CancellationToken.None);
            var first = await Task.WhenAny(clock.FirstWait, timer.ExecuteTask!);

            Assert.Same(clock.FirstWait, first);
            Assert.InRange(await clock.FirstWait, TimeSpan.FromMinutes(1), TimeSpan.FromDays(49));
            Assert.False(timer.ExecuteTask!.IsCompleted);
        }
        finally
        {
            await timer.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>A fixed time whose timers never fire; it records how long the first one was asked to wait.</summary>
    private sealed class RecordingClock(DateTimeOffset now) : TimeProvider
    {
        private readonly TaskCompletionSource<TimeSpan> firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TimeSpan> FirstWait => firstWait.Task;

        public override DateTimeOffset GetUtcNow() => now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            firstWait.TrySetResult(dueTime);
            return new SilentTimer();
        }

        private sealed class SilentTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
