using Microsoft.Azure.Functions.Worker;

namespace TetReadiness.Tests.Hosting;

/// <summary>A queue function for the listener tests: the message <see cref="QueueGate.Slow"/> waits for the gate; the rest take 30 ms.</summary>
public sealed class GatedQueueFunction(QueueGate gate)
{
    public async Task RunAsync([QueueTrigger("gated")] string message, CancellationToken cancellationToken)
    {
        gate.Enter();
        try
        {
            await (message == QueueGate.Slow ? gate.WaitAsync(cancellationToken) : Task.Delay(30, cancellationToken));
        }
        finally
        {
            gate.Exit(message);
        }
    }
}
