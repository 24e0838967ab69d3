using TetReadiness.Submissions;

namespace TetReadiness.Status;

/// <summary>
/// Where the reported units of a scope stand in review: <see cref="Accepted"/> and <see cref="Returned"/> count their
/// states, <see cref="AwaitingReview"/> the rest (state <c>submitted</c>: new or changed since the last review), so the
/// three add up to the reported units; <see cref="ReopenRequests"/> counts units that asked to reopen an accepted report
/// and have no answer yet. A returned report still counts as reported. No I/O.
/// </summary>
public sealed record ReviewFigures(int Accepted, int Returned, int AwaitingReview, int ReopenRequests)
{
    public static ReviewFigures None { get; } = new(0, 0, 0, 0);

    public static ReviewFigures Of(IReadOnlyCollection<UnitReport> reported)
    {
        var accepted = reported.Count(r => r.ReviewState == ReviewStates.Accepted);
        var returned = reported.Count(r => r.ReviewState == ReviewStates.Returned);
        return new ReviewFigures(accepted, returned, reported.Count - accepted - returned, reported.Count(r => r.ReopenRequested));
    }

    public static ReviewFigures Sum(IEnumerable<ReviewFigures> figures) =>
        figures.Aggregate(None, (total, f) => new ReviewFigures(
            total.Accepted + f.Accepted, total.Returned + f.Returned, total.AwaitingReview + f.AwaitingReview, total.ReopenRequests + f.ReopenRequests));
}
