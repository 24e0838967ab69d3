using System.Collections.Concurrent;
using TetReadiness.Reviews;

namespace TetReadiness.Tests.Reviews;

/// <summary>The notices a review asks for, in order (decision and sequence).</summary>
public sealed class RecordingReviewNotices : IReviewNotices
{
    public ConcurrentQueue<(string Kind, int Sequence)> Asked { get; } = new();

    public Task NotifyReturnedAsync(ReviewTransition transition, CancellationToken cancellationToken)
    {
        Asked.Enqueue(("returned", transition.Sequence));
        return Task.CompletedTask;
    }

    public Task NotifyReopenRequestedAsync(ReviewTransition transition, CancellationToken cancellationToken)
    {
        Asked.Enqueue(("reopen-requested", transition.Sequence));
        return Task.CompletedTask;
    }
}
