using TetReadiness.Time;

namespace TetReadiness.Submissions;

/// <summary>A unit's current (or a given) revision with every answer, as <c>GET .../submission</c> returns it.</summary>
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

    public sealed record AnswerView(string ItemId, string Status, string? Note);
}
