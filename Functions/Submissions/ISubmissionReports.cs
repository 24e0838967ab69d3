namespace TetReadiness.Submissions;

/// <summary>
/// What other features may ask of submissions: the latest report of each unit of a campaign, with the status of each
/// item (<see cref="UnitContribution"/>), for the whole campaign or one area, and every latest answer.
/// </summary>
public interface ISubmissionReports
{
    /// <summary>
    /// The latest revision of each unit that has reported (a unit whose first revision is still pending is left out),
    /// by unit id: one query per 1,000 units, nine columns.
    /// </summary>
    Task<IReadOnlyDictionary<string, UnitReport>> ReadReportsAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Every reporting unit's latest report with its item statuses and gap notes: one query per 1,000 units.</summary>
    Task<IReadOnlyList<UnitContribution>> ReadContributionsAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// The same for the units whose rows are in one area's key range: one query per 1,000 units of that area, whatever
    /// the size of the campaign. A unit that moved is found under its new area once the projection repair has run.
    /// </summary>
    Task<IReadOnlyList<UnitContribution>> ReadAreaContributionsAsync(string campaignId, string districtId, CancellationToken cancellationToken);

    /// <summary>
    /// The latest report of each unit of the campaign, or of one area's key range, with the area its row is filed under
    /// and when it was last reviewed (the copy on the row): the review queue. One query per 1,000 units of the scope.
    /// </summary>
    Task<IReadOnlyList<ReviewedReport>> ReadReviewedReportsAsync(string campaignId, string? districtId, CancellationToken cancellationToken);

    /// <summary>
    /// False while rows keyed as before issue 15 may remain (until the <c>Submissions</c> migration completes after an
    /// upgrade): area reads and item statuses are incomplete then, and callers read the whole campaign and its answers.
    /// </summary>
    Task<bool> AreaKeysReadyAsync(CancellationToken cancellationToken);

    /// <summary>Every unit's latest answer to every item: one query per 1,000 answers, only the columns aggregations use.</summary>
    Task<IReadOnlyList<LatestAnswer>> ReadLatestAnswersAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// The units whose latest revision has difficulties or proposals, in the whole campaign (<paramref name="districtId"/>
    /// null) or one area's key range: one query per 1,000 such units, filtered in storage on those columns, so the rows
    /// of units that wrote neither are not read at all.
    /// </summary>
    Task<IReadOnlyList<DifficultiesAndProposals>> ReadDifficultiesAndProposalsAsync(string campaignId, string? districtId, CancellationToken cancellationToken);

    /// <summary>
    /// One unit's latest report, or null when it has not reported (or its first revision is still pending): one point
    /// read of its row under <paramref name="districtId"/> (and, until the <c>Submissions</c> migration completes, of its
    /// row keyed as before issue 15). A unit that moved area is found once the projection repair has moved its row.
    /// </summary>
    Task<UnitReport?> ReadUnitReportAsync(string campaignId, string districtId, string unitId, CancellationToken cancellationToken);
}
