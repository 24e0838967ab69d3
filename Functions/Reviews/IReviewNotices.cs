namespace TetReadiness.Reviews;

/// <summary>
/// The messages a review sends through the outbox. Each is keyed by its transition, so asking twice for the same
/// transition queues one message.
/// </summary>
public interface IReviewNotices
{
    /// <summary>A report returned (or reopened): the unit's officers get the comment and their signed link.</summary>
    Task NotifyReturnedAsync(ReviewTransition transition, CancellationToken cancellationToken);

    /// <summary>A unit asked to reopen its accepted report: the area's coordinators get the reason.</summary>
    Task NotifyReopenRequestedAsync(ReviewTransition transition, CancellationToken cancellationToken);
}
