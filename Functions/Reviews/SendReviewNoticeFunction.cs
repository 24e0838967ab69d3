using Microsoft.Azure.Functions.Worker;
using TetReadiness.Outbox;
using TetReadiness.Storage;

namespace TetReadiness.Reviews;

public sealed class SendReviewNoticeFunction(MessageOutbox<ReviewNoticeEntity, ReviewNoticeMessage> outbox)
{
    /// <summary>A transient failure throws, so the queue retries per host.json and finally moves the message to review-notices-poison.</summary>
    [Function("SendReviewNotice")]
    public Task Run([QueueTrigger(QueueNames.ReviewNotices, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        outbox.SendAsync(message, cancellationToken);
}
