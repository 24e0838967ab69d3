using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TetReadiness.Tests.Outbox;

/// <summary>While armed, refuses the storage requests <paramref name="refuses"/> picks, before they are sent: storage failing one kind of call.</summary>
public sealed class RefuseRequestsPolicy(Func<HttpMessage, bool> refuses) : HttpPipelineSynchronousPolicy
{
    public bool Armed { get; set; }

    private int refused;

    public int Refused => Volatile.Read(ref refused);

    public override void OnSendingRequest(HttpMessage message)
    {
        if (Armed && refuses(message))
        {
            Interlocked.Increment(ref refused);
            throw new RequestFailedException(503, "Refused by the test: storage is failing this call.");
        }
    }
}
