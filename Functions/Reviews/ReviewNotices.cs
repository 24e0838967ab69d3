using Microsoft.Extensions.Logging;
using TetReadiness.Outbox;

namespace TetReadiness.Reviews;

/// <summary>
/// <see cref="IReviewNotices"/> through the outbox. Each transition is one <c>ReviewNotices</c> row keyed
/// <c>{unitId}|{sequence}</c>, so asking twice for one transition (a retried review, the review repair asking again
/// for the recent ones) queues one email. Asking again is also how a lost notice comes back: a row added but never
/// queued is queued now, and a waiting row nothing has touched for an hour (<see cref="OutboxRecovery.IsLost"/>) is
/// queued again while still due, superseded otherwise; the sender's claim keeps either from going out twice.
/// </summary>
public sealed class ReviewNotices(
    ReviewNoticeStore store,
    MessageOutbox<ReviewNoticeEntity, ReviewNoticeMessage> outbox,
    TimeProvider clock,
    ILogger<ReviewNotices> logger) : IReviewNotices
{
    public Task NotifyReturnedAsync(ReviewTransition transition, CancellationToken cancellationToken) =>
        transition.Decision is ReviewDecisions.Returned or ReviewDecisions.Reopened
            ? NotifyAsync(transition, cancellationToken)
            : throw new ArgumentException($"A returned notice is for a '{ReviewDecisions.Returned}' or '{ReviewDecisions.Reopened}' transition, not '{transition.Decision}'.", nameof(transition));

    public Task NotifyReopenRequestedAsync(ReviewTransition transition, CancellationToken cancellationToken) =>
        transition.Decision == ReviewDecisions.ReopenRequested
            ? NotifyAsync(transition, cancellationToken)
            : throw new ArgumentException($"A reopen-request notice is for a '{ReviewDecisions.ReopenRequested}' transition, not '{transition.Decision}'.", nameof(transition));

    private async Task NotifyAsync(ReviewTransition transition, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var row = ReviewNoticeEntity.For(transition, now);
        var existing = await store.ReadAgainAsync(row, cancellationToken);
        var lost = existing is not null && OutboxRecovery.IsLost(existing.State, existing.LastTouched(), now) ? [existing] : new List<ReviewNoticeEntity>();
        if (existing is not null && lost.Count == 0 && !((IOutboxRow)existing).NeverQueued)
        {
            // Queued, sent or settled already: nothing to do for this transition.
            return;
        }

        var queued = await outbox.QueueAsync([row], lost, r => ReviewNoticeOutboxKind.IsStillDue(r, now), cancellationToken);
        logger.LogInformation(
            "Review notice {CampaignId}/{UnitId}/{Sequence} ({Decision}): {Added} added, {Resumed} resumed, {Requeued} queued again, {Superseded} superseded",
            transition.CampaignId, transition.UnitId, transition.Sequence, transition.Decision, queued.Added.Count, queued.Resumed.Count, queued.Requeued.Count, queued.Superseded);
    }
}
