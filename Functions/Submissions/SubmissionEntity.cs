namespace TetReadiness.Submissions;

/// <summary>
/// A row of <c>Submissions</c>: the latest revision of one unit for one campaign (partition = campaign id,
/// row key = unit id). A projection of <c>SubmissionRevisions</c>: <see cref="ProjectionPending"/> is set
/// before a revision is committed and cleared once this row shows it, so an interrupted write is found and repaired.
/// <see cref="RevisionEntity.Revision"/> is 0 while a unit's first revision is still pending.
/// </summary>
internal sealed class SubmissionEntity : RevisionEntity
{
    public bool ProjectionPending { get; set; }

    public int PendingRevision { get; set; }

    public DateTimeOffset? PendingSince { get; set; }

    public const string LatestRowType = "latest";

    public static SubmissionEntity Latest(Revision revision)
    {
        var entity = Fill(new SubmissionEntity(), revision, revision.CampaignId, revision.UnitId);
        entity.RowType = LatestRowType;
        return entity;
    }
}
