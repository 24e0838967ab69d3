namespace TetReadiness.Reviews;

/// <summary>
/// A stand-in for <see cref="IReviewNotices"/> until the review notices' outbox kind is registered (which replaces
/// it): sends nothing, so the review endpoints work without it. Registered with TryAdd only.
/// </summary>
public sealed class UnsentReviewNotices : IReviewNotices
{
    public Task NotifyReturnedAsync(ReviewTransition transition, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task NotifyReopenRequestedAsync(ReviewTransition transition, CancellationToken cancellationToken) => Task.CompletedTask;
}
