namespace TetReadiness.Submissions;

/// <summary>
/// A row of <c>Submissions</c>: the latest revision of one unit for one campaign (partition = campaign id,
/// row key = <c>{DistrictId}|{UnitId}</c>, <see cref="SubmissionKeys"/>), with its answers in two short columns. A projection of <c>SubmissionRevisions</c>: <see cref="ProjectionPending"/> is set
/// before a revision is committed and cleared once this row shows it, so an interrupted write is found and repaired.
/// <see cref="RevisionEntity.Revision"/> is 0 while a unit's first revision is still pending.
/// <para>
/// It also carries a copy of the unit's review (<see cref="ReviewState"/> and the columns after it) for reads; the
/// <c>Reviews</c> log is the source of truth, and a projection carries the copy over, never drops it.
/// </para>
/// </summary>
internal sealed class SubmissionEntity : RevisionEntity
{
    public bool ProjectionPending { get; set; }

    public int PendingRevision { get; set; }

    public DateTimeOffset? PendingSince { get; set; }

    /// <summary>Every answered item and its status (<see cref="ItemStatusCodes"/>).</summary>
    public string? ItemStatuses { get; set; }

    /// <summary>Notes on the partial and not-ready items, cut short (<see cref="Submissions.GapNotes"/>).</summary>
    public string? GapNotes { get; set; }

    /// <summary>One of <see cref="ReviewStates"/>, as of this row's revision; null for a report never reviewed.</summary>
    public string? ReviewState { get; set; }

    public int? ReviewSequence { get; set; }

    public int? ReviewedRevision { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    public string? ReviewComment { get; set; }

    public DateTimeOffset? ReopenRequestedAt { get; set; }

    public string? ReopenReason { get; set; }

    public const string LatestRowType = "latest";

    /// <summary>The review copy's columns, for reads that want them.</summary>
    public static readonly string[] ReviewColumns =
    [
        nameof(ReviewState), nameof(ReviewSequence), nameof(ReviewedRevision), nameof(ReviewedAt), nameof(ReviewedBy),
        nameof(ReviewComment), nameof(ReopenRequestedAt), nameof(ReopenReason),
    ];

    /// <summary>The row of <paramref name="revision"/> in the key range of <paramref name="districtId"/>.</summary>
    public static SubmissionEntity Latest(Revision revision, string districtId)
    {
        var entity = Fill(new SubmissionEntity(), revision, revision.CampaignId, SubmissionKeys.Row(districtId, revision.UnitId));
        entity.RowType = LatestRowType;
        entity.ItemStatuses = ItemStatusCodes.Encode(revision.Answers);
        entity.GapNotes = Submissions.GapNotes.Encode(revision.Answers);
        return entity;
    }

    /// <summary>
    /// Takes over the review copy of <paramref name="replaced"/>, the row this one replaces: a revision newer than the
    /// reviewed one is submitted (awaiting review) again.
    /// </summary>
    public void CarryReview(SubmissionEntity? replaced)
    {
        if (replaced?.ReviewState is not { } state)
        {
            return;
        }

        ReviewState = Revision > (replaced.ReviewedRevision ?? 0) ? ReviewStates.Submitted : state;
        ReviewSequence = replaced.ReviewSequence;
        ReviewedRevision = replaced.ReviewedRevision;
        ReviewedAt = replaced.ReviewedAt;
        ReviewedBy = replaced.ReviewedBy;
        ReviewComment = replaced.ReviewComment;
        ReopenRequestedAt = replaced.ReopenRequestedAt;
        ReopenReason = replaced.ReopenReason;
    }

    /// <summary>The review state of this row's revision (a report never reviewed, or changed since, is submitted).</summary>
    public string CurrentReviewState() =>
        ReviewStates.IsKnown(ReviewState) && Revision <= (ReviewedRevision ?? 0) ? ReviewState! : ReviewStates.Submitted;

    public UnitContribution ToContribution() => new(
        new UnitReport(UnitId, Revision, OnTime, Late, Readiness, SubmittedAt, FirstSubmittedAt, CurrentReviewState(), ReopenRequestedAt is not null),
        SubmissionKeys.DistrictOf(RowKey) ?? DistrictId,
        ItemStatusCodes.Decode(ItemStatuses),
        Submissions.GapNotes.Decode(GapNotes));
}
