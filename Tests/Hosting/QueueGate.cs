using System.Collections.Concurrent;

namespace TetReadiness.Tests.Hosting;

/// <summary>What the listener tests observe of <see cref="GatedQueueFunction"/>: messages finished and the most running at once.</summary>
public sealed class QueueGate
{
    public const string Slow = "slow";

    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int running;
    private int mostAtOnce;

    public ConcurrentBag<string> Done { get; } = [];

    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public void Release() => released.TrySetResult();

    public Task WaitAsync(CancellationToken cancellationToken) => released.Task.WaitAsync(cancellationToken);

    public void Enter()
    {
        var now = Interlocked.Increment(ref running);
        int seen;
        while (now > (seen = Volatile.Read(ref mostAtOnce)) && Interlocked.CompareExchange(ref mostAtOnce, now, seen) != seen)
        {
            // Another invocation raised it meanwhile: look again.
        }
    }

    public void Exit(string message)
    {
        Interlocked.Decrement(ref running);
        Done.Add(message);
    }
}
