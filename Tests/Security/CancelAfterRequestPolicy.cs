using Azure.Core;
using Azure.Core.Pipeline;

namespace TetReadiness.Tests.Security;

/// <summary>
/// A storage pipeline policy that cancels a token once a response matching <paramref name="trigger"/> has come back:
/// a scan interrupted right after a given request (the host shutting down), at a real point in its work.
/// </summary>
public sealed class CancelAfterRequestPolicy(Func<HttpMessage, bool> trigger) : HttpPipelineSynchronousPolicy
{
    private readonly CancellationTokenSource source = new();

    public CancellationToken Token => source.Token;

    public bool Armed { get; set; }

    public override void OnReceivedResponse(HttpMessage message)
    {
        if (Armed && trigger(message))
        {
            source.Cancel();
        }
    }
}
