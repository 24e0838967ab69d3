namespace TetReadiness.Submissions;

/// <summary>
/// A row of <c>Submissions</c>: the latest revision of one unit for one campaign (partition = campaign id,
/// row key = <c>{DistrictId}|{UnitId}</c>, <see cref="SubmissionKeys"/>), with its answers in two short columns. A projection of <c>SubmissionRevisions</c>: <see cref="ProjectionPending"/> is set
/// before a revision is committed and cleared once this row shows it, so an interrupted write is found and repaired.
/// <see cref="RevisionEntity.Revision"/> is 0 while a unit's first revision is still pending.
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

    public const string LatestRowType = "latest";

    /// <summary>The row of <paramref name="revision"/> in the key range of <paramref name="districtId"/>.</summary>
    public static SubmissionEntity Latest(Revision revision, string districtId)
    {
        var entity = Fill(new SubmissionEntity(), revision, revision.CampaignId, SubmissionKeys.Row(districtId, revision.UnitId));
        entity.RowType = LatestRowType;
        entity.ItemStatuses = ItemStatusCodes.Encode(revision.Answers);
        entity.GapNotes = Submissions.GapNotes.Encode(revision.Answers);
        return entity;
    }

    public UnitContribution ToContribution() => new(
        new UnitReport(UnitId, Revision, OnTime, Late, Readiness, SubmittedAt, FirstSubmittedAt),
        SubmissionKeys.DistrictOf(RowKey) ?? DistrictId,
        ItemStatusCodes.Decode(ItemStatuses),
        Submissions.GapNotes.Decode(GapNotes));
}
