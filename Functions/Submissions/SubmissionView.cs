using TetReadiness.Time;

namespace TetReadiness.Submissions;

/// <summary>
/// A unit's current (or a given) revision with every answer, as <c>GET .../submission</c> returns it, and the unit's
/// review: its state (reckoned against the newest revision), the comment of the newest return or reopening, the
/// newest decision's time and revision, and a reopen request no coordinator has answered yet.
/// </summary>
public sealed record SubmissionView(
    string CampaignId,
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int Revision,
    DateTimeOffset SubmittedAt,
    DateTimeOffset FirstSubmittedAt,
    bool Late,
    bool OnTime,
    double? Readiness,
    int ChecklistVersion,
    Submitter? Submitter,
    string SubmittedVia,
    IReadOnlyList<SubmissionView.AnswerView> Answers,
    string? Difficulties,
    string? Proposals)
{
    public static SubmissionView Of(Revision revision) => new(
        revision.CampaignId, revision.UnitId, revision.UnitName, revision.DistrictId, revision.DistrictName, revision.Number,
        VietnamTime.ToVietnam(revision.SubmittedAt), VietnamTime.ToVietnam(revision.FirstSubmittedAt),
        revision.Late, revision.OnTime, revision.Readiness, revision.ChecklistVersion, revision.Submitter, revision.SubmittedVia,
        revision.Answers.Select(a => new AnswerView(a.ItemId, a.Status.Name(), a.Note)).ToList(),
        revision.Difficulties, revision.Proposals);

    public string ReviewState { get; init; } = ReviewStates.Submitted;

    public string? ReviewComment { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    public int? ReviewedRevision { get; init; }

    public DateTimeOffset? ReopenRequestedAt { get; init; }

    public string? ReopenReason { get; init; }

    /// <summary>With the unit's review, for a report whose newest revision is <paramref name="latestRevision"/>.</summary>
    public SubmissionView WithReview(ReviewStanding? review, int latestRevision) => review is null ? this : this with
    {
        ReviewState = review.StateAt(latestRevision),
        ReviewComment = review.Comment,
        ReviewedAt = review.ReviewedAt is { } at ? VietnamTime.ToVietnam(at) : null,
        ReviewedRevision = review.ReviewedAt is null ? null : review.ReviewedRevision,
        ReopenRequestedAt = review.ReopenRequestedAt is { } requested ? VietnamTime.ToVietnam(requested) : null,
        ReopenReason = review.ReopenReason,
    };

    public sealed record AnswerView(string ItemId, string Status, string? Note);
}
