using Microsoft.Azure.Functions.Worker;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Digests;

public sealed class SendDigestFunction(MessageOutbox<DigestEntity, DigestMessage> outbox)
{
    /// <summary>A transient failure throws, so the queue retries per host.json and finally moves the message to digests-poison.</summary>
    [Function("SendDigest")]
    public Task Run([QueueTrigger(QueueNames.Digests, Connection = "Storage")] DigestMessage message, CancellationToken cancellationToken) =>
        outbox.SendAsync([message], cancellationToken);
}
