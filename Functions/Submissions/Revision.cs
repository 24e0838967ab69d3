namespace TetReadiness.Submissions;

/// <summary>
/// One committed revision of a unit's report for a campaign, with every answer it gave and its free texts
/// (<see cref="ReportTextValidator"/>; null when left blank, and in revisions from before they existed).
/// </summary>
public sealed record Revision(
    string CampaignId,
    string UnitId,
    string UnitName,
    string DistrictId,
    string DistrictName,
    int Number,
    DateTimeOffset SubmittedAt,
    DateTimeOffset FirstSubmittedAt,
    bool Late,
    bool OnTime,
    int ChecklistVersion,
    Submitter? Submitter,
    string SubmittedBy,
    string SubmittedVia,
    IReadOnlyList<Answer> Answers,
    string? Difficulties = null,
    string? Proposals = null)
{
    public double? Readiness => ReadinessScore.Of(Answers.Select(a => a.Status));

    public int Count(AnswerStatus status) => Answers.Count(a => a.Status == status);

    /// <summary>The strong validator clients send back in <c>If-Match</c>: the revision, never the storage ETag.</summary>
    public string ETag => FormatETag(Number);

    public static string FormatETag(int revision) => $"\"r{revision}\"";
}
