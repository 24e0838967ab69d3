namespace TetReadiness.Submissions;

/// <summary>The answer to a submission: which revision it became and how it counts.</summary>
public sealed record SubmissionReceipt(
    string CampaignId,
    string UnitId,
    int Revision,
    DateTimeOffset SubmittedAt,
    bool Late,
    double? Readiness,
    int ChecklistVersion,
    string? Difficulties,
    string? Proposals)
{
    public static SubmissionReceipt Of(Revision revision) => new(
        revision.CampaignId, revision.UnitId, revision.Number, Time.VietnamTime.ToVietnam(revision.SubmittedAt), revision.Late, revision.Readiness, revision.ChecklistVersion,
        revision.Difficulties, revision.Proposals);
}
